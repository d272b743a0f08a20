"""Name pools for the generated registry: surnames and given names of many origins.

Each pool is in rough order of frequency (the generator draws with Zipf weights, so the first
names are the common ones, as in a real registry). Names are written as their holders write
them: accents, umlauts, ``ß``, ``Ñ``, ``Ø``/``Å``, ``Ł``, Turkish ``ı``/``ş``, Vietnamese tones,
Cyrillic script for Russian and Ukrainian names (their Latin form comes from
:func:`workstation.domain.transliteration.to_latin`, as the registry would derive it), and
Chinese names either in characters (``王=Wang``: written form, Latin form given explicitly, since
no transliteration table covers Chinese) or in pinyin only.

A surname entry ``male/female`` gives the two forms of a gendered surname (``Novák/Nováková``);
otherwise :attr:`Origin.feminine` derives the female form, or the surname is the same for all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    """Comma- or newline-separated names (a name may contain spaces, hyphens, apostrophes)."""
    return tuple(
        part.strip() for line in text.splitlines() for part in line.split(",") if part.strip()
    )


def russian_feminine(surname: str) -> str:
    """The female form of a Russian surname: ``Иванов`` -> ``Иванова``, ``-ский`` -> ``-ская``."""
    for male, female in (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ий", "ая")):
        if surname.endswith(male):
            return surname[: -len(male)] + female
    if surname.endswith(("ов", "ев", "ёв", "ин", "ын")):
        return surname + "а"
    return surname


def polish_feminine(surname: str) -> str:
    """The female form of a Polish surname: ``Kowalski`` -> ``Kowalska``; others do not change."""
    if surname.endswith(("ski", "cki", "dzki")):
        return surname[:-1] + "a"
    return surname


def russian_patronymic(father: str, female: bool) -> str:
    """``Сергей`` -> ``Сергеевич``/``Сергеевна``; ``Иван`` -> ``Иванович``/``Ивановна``."""
    if father.endswith("ий"):
        stem, male_end, female_end = father[:-2], "ьевич", "ьевна"
    elif father.endswith(("й", "ь")):
        stem, male_end, female_end = father[:-1], "евич", "евна"
    else:
        stem, male_end, female_end = father, "ович", "овна"
    return stem + (female_end if female else male_end)


def ukrainian_patronymic(father: str, female: bool) -> str:
    """``Іван`` -> ``Іванович``/``Іванівна``; ``Петро`` -> ``Петрович``/``Петрівна``."""
    if father.endswith("ь"):
        return father[:-1] + ("івна" if female else "ьович")
    if father.endswith("й"):
        return father[:-1] + "ївна" if female else father + "ович"
    if father.endswith("о"):
        father = father[:-1]
    return father + ("івна" if female else "ович")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a group of names comes from, and how its persons' names are put together."""

    key: str
    weight: float  # share of the registry, relative to the other origins
    nationalities: tuple[str, ...]
    surnames: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    cities: tuple[str, ...]
    double_surname: float = 0.0  # share of persons with two surnames
    double_joiner: str = " "  # " " (García Peña) or "-" (Müller-Lüdenscheid)
    second_given: float = 0.0  # share with a second given name from the same pool
    given_joiner: str = " "
    feminine: Callable[[str], str] | None = None
    patronymic: float = 0.0  # share with a patronymic after the given name (Cyrillic)
    patronymic_rule: Callable[[str, bool], str] | None = None  # (father, female) -> patronymic
    given_prefix_male: tuple[str, ...] = ()  # Vietnamese "Văn", before the given name
    given_prefix_female: tuple[str, ...] = ()
    given_prefix_share: float = 0.0
    native_share: float = 1.0  # for ``latin=native`` entries: share written natively
    cyrillic: bool = False
    patronymic_fathers: tuple[str, ...] = ()


GERMAN = Origin(
    key="german",
    weight=13.0,
    nationalities=("DEU", "DEU", "DEU", "AUT", "CHE"),
    surnames=_words("""
        Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,
        Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann,
        Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Schmitz, Krause, Meier,
        Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann, König, Walter, Mayer, Huber,
        Kaiser, Fuchs, Peters, Lang, Scholz, Möller, Weiß, Jung, Hahn, Schubert, Vogel,
        Friedrich, Keller, Günther, Frank, Berger, Winkler, Roth, Beck, Lorenz, Baumann,
        Franke, Albrecht, Schuster, Ludwig, Böhm, Winter, Kraus, Schumacher, Krämer, Vogt,
        Stein, Jäger, Otto, Sommer, Groß, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf,
        Dietrich, Ziegler, Kuhn, Kühn, Pohl, Engel, Horn, Busch, Bergmann, Voigt, Sauer,
        Pfeiffer, Lüdenscheid, Grünewald, Weißenböck, Oßwald, Straßer, von Bülow,
        von der Heide, Gärtner, Nußbaumer, Blöchlinger, Brändli, Käser, Flückiger
    """),
    male=_words("""
        Lukas, Leon, Jonas, Felix, Maximilian, Paul, Jürgen, Günter, Klaus, Hans-Peter,
        Karl-Heinz, Jörg, Uwe, Dieter, Stefan, Thomas, Michael, Andreas, Wolfgang, Matthias,
        Sören, Björn, Florian, Tobias, Niklas, Hans, Peter, Frank, Ralf, Bernd, Horst,
        Reinhard, Rüdiger, Jan-Hendrik, Moritz, Fabian, Lars, Timo, Ulrich, Götz
    """),
    female=_words("""
        Anna, Lena, Leonie, Hannah, Ursula, Brigitte, Gisela, Renate, Sabine, Petra, Monika,
        Katharina, Julia, Sophie, Marie, Lea, Jana, Anne-Marie, Heike, Käthe, Maren, Dörte,
        Ilse, Bärbel, Susanne, Claudia, Andrea, Birgit, Karin, Stefanie, Christiane, Jutta,
        Gudrun, Hildegard, Lotte, Emilia, Mia, Charlotte, Frauke, Annegret
    """),
    cities=_words(
        "Berlin, Hamburg, München, Köln, Düsseldorf, Wien, Graz, Zürich, Bern, "
        "Lüdenscheid, Görlitz, Saarbrücken, Nürnberg"
    ),
    double_surname=0.04,
    double_joiner="-",
    second_given=0.2,
)

SPANISH = Origin(
    key="spanish",
    weight=9.0,
    nationalities=("ESP", "ESP", "MEX", "COL", "ARG", "PER", "CHL", "VEN", "ECU"),
    surnames=_words("""
        García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín,
        Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, Gutiérrez,
        Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, Molina,
        Morales, Suárez, Ortega, Delgado, Castro, Ortiz, Rubio, Marín, Sanz, Núñez, Iglesias,
        Medina, Garrido, Cortés, Castillo, Santos, Lozano, Guerrero, Cano, Prieto, Méndez,
        Peña, Ibáñez, Yáñez, Cañete, Zúñiga, Montaña, Echeverría, Urrutia, Goikoetxea,
        Villaseñor, Avendaño, Quiñones, Patiño, Toño
    """),
    male=_words("""
        José, Antonio, Manuel, Francisco, Juan, David, Javier, Daniel, Carlos, Jesús,
        Alejandro, Miguel, Rafael, Pablo, Sergio, Ángel, Fernando, Luis, Jorge, Alberto,
        Íñigo, Nuño, Iñaki, Andrés, Ramón, Álvaro, Joaquín, Rubén, Óscar, Hugo
    """),
    female=_words("""
        María, Carmen, Ana, Isabel, Laura, Cristina, Marta, Lucía, Pilar, Dolores, Elena, Rosa,
        Begoña, Nuria, Inés, Sofía, Paula, Mónica, Ángeles, Montserrat, Concepción, Mercedes,
        Raquel, Beatriz, Ximena, Guadalupe, Itziar, Nerea, Araceli, Macarena
    """),
    cities=_words(
        "Madrid, Barcelona, Sevilla, Málaga, Bilbao, A Coruña, México, Bogotá, "
        "Buenos Aires, Lima, Córdoba, Logroño"
    ),
    double_surname=0.85,
    second_given=0.25,
)

PORTUGUESE = Origin(
    key="portuguese",
    weight=6.0,
    nationalities=("PRT", "PRT", "BRA", "BRA", "AGO", "CPV"),
    surnames=_words("""
        Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Jesus, Sousa,
        Fernandes, Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho,
        Teixeira, Moreira, Correia, Mendes, Nunes, Soares, Vieira, Monteiro, Cardoso, Rocha,
        Araújo, Magalhães, Conceição, Guimarães, Brandão, Simões, Gusmão, da Silva,
        dos Santos, de Oliveira, da Costa, de Sousa, do Nascimento, Assunção, Falcão
    """),
    male=_words("""
        João, José, António, Francisco, Pedro, Luís, Tiago, Gonçalo, Rui, Sérgio, Vítor,
        Joaquim, Fábio, Thiago, Caio, Rodrigo, Bruno, Diogo, Marcelo, Leandro, Sebastião
    """),
    female=_words("""
        Maria, Ana, Inês, Beatriz, Mariana, Joana, Sofia, Leonor, Conceição, Fátima, Luísa,
        Gabriela, Letícia, Júlia, Lúcia, Raquel, Cláudia, Débora, Vitória, Graça
    """),
    cities=_words(
        "Lisboa, Porto, Braga, Coimbra, São Paulo, Rio de Janeiro, Belo Horizonte, "
        "Salvador, Luanda, Praia, Guimarães"
    ),
    double_surname=0.6,
    second_given=0.45,
)

FRENCH = Origin(
    key="french",
    weight=7.0,
    nationalities=("FRA", "FRA", "FRA", "BEL", "CHE", "CAN", "SEN", "CIV"),
    surnames=_words("""
        Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon,
        Laurent, Lefèvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel,
        Girard, André, Lefebvre, Mercier, Dupont, Lambert, Bonnet, François, Martinez,
        Legrand, Garnier, Faure, Rousseau, Blanc, Guérin, Henry, Roussel, Nicolas, Perrin,
        Morin, Mathieu, Clément, Gauthier, Dumont, Lopez, Fontaine, Chevalier, Robin, Besnard,
        Lemaître, Château, Benoît, Côté, Hébert, Gérard, de la Fontaine, Le Goff, D'Arcy,
        Diallo, Ndiaye, Traoré, Koné, Diop, Ouédraogo
    """),
    male=_words("""
        Jean, Pierre, Michel, André, Philippe, René, Louis, Alain, Jacques, Bernard,
        Jean-Pierre, Jean-Luc, François, Stéphane, Frédéric, Hervé, Jérôme, Loïc, Benoît,
        Théo, Noël, Gaël, Raphaël, Mamadou, Ousmane, Amadou, Cédric, Grégoire, Aurélien
    """),
    female=_words("""
        Marie, Jeanne, Françoise, Monique, Catherine, Nathalie, Isabelle, Sylvie, Anne,
        Hélène, Céline, Amélie, Chloé, Élodie, Léa, Manon, Camille, Zoé, Anaïs, Maëlle,
        Marie-Claire, Noémie, Inès, Clémence, Aïssatou, Fatoumata, Aminata, Geneviève
    """),
    cities=_words(
        "Paris, Lyon, Marseille, Bordeaux, Lille, Genève, Lausanne, Bruxelles, "
        "Liège, Montréal, Québec, Dakar, Abidjan"
    ),
    second_given=0.3,
)

ITALIAN = Origin(
    key="italian",
    weight=5.0,
    nationalities=("ITA", "ITA", "ITA", "CHE", "SMR"),
    surnames=_words("""
        Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno,
        Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Barbieri,
        Fontana, Santoro, Mariani, Rinaldi, Caruso, Ferrara, Galli, Martini, Leone, Longo,
        Gentile, Martinelli, Vitale, Lombardo, Serra, Coppola, De Santis, D'Angelo, Marchetti,
        Parisi, Villa, Conte, Ferraro, Ferri, Fabbri, Bianco, Marini, Grasso, Valentini,
        Niccolò, Dell'Acqua, Lo Russo, Fortunà
    """),
    male=_words("""
        Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Angelo, Vincenzo, Pietro,
        Salvatore, Carlo, Franco, Domenico, Bruno, Paolo, Michele, Giorgio, Marco,
        Alessandro, Lorenzo, Niccolò, Nicolò, Andrea, Matteo, Gianluca, Pierluigi
    """),
    female=_words("""
        Maria, Anna, Giuseppina, Rosa, Angela, Giovanna, Teresa, Lucia, Carmela, Caterina,
        Francesca, Chiara, Giulia, Sara, Alessia, Martina, Federica, Elisa, Valentina, Ilaria,
        Benedetta, Ludovica
    """),
    cities=_words(
        "Roma, Milano, Napoli, Torino, Palermo, Genova, Bologna, Firenze, Bari, "
        "Lugano, Forlì, Cantù"
    ),
    second_given=0.1,
)

ENGLISH = Origin(
    key="english",
    weight=6.0,
    nationalities=("GBR", "GBR", "IRL", "USA", "USA", "CAN", "AUS", "NZL"),
    surnames=_words("""
        Smith, Jones, Williams, Taylor, Brown, Davies, Evans, Wilson, Thomas, Johnson, Roberts,
        Robinson, Thompson, Wright, Walker, White, Edwards, Hughes, Green, Hall, Lewis, Harris,
        Clarke, Jackson, Wood, Turner, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Lee,
        King, Baker, Harrison, Morgan, Allen, O'Brien, O'Connor, O'Sullivan, Murphy, Kelly,
        Byrne, Ryan, McCarthy, MacDonald, McLaughlin, Fitzgerald, St. John, Ní Bhriain,
        Ó Súilleabháin
    """),
    male=_words("""
        Oliver, George, Harry, Jack, Jacob, Noah, Charlie, Thomas, James, William, John, David,
        Richard, Michael, Robert, Christopher, Daniel, Matthew, Patrick, Sean, Liam, Conor,
        Seamus, Ciarán, Eoin
    """),
    female=_words("""
        Olivia, Amelia, Isla, Ava, Emily, Sophia, Grace, Lily, Mary, Elizabeth, Sarah, Emma,
        Jessica, Charlotte, Margaret, Siobhán, Aoife, Niamh, Róisín, Saoirse, Caoimhe,
        Mary-Kate, Jennifer, Rebecca
    """),
    cities=_words(
        "London, Manchester, Birmingham, Edinburgh, Dublin, Cork, New York, Boston, "
        "Chicago, Toronto, Sydney, Auckland"
    ),
    double_surname=0.01,
    double_joiner="-",
    second_given=0.45,
)

DUTCH = Origin(
    key="dutch",
    weight=3.0,
    nationalities=("NLD", "NLD", "BEL", "SUR"),
    surnames=_words("""
        de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit,
        Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker,
        Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok,
        Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn,
        van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas,
        Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, Peeters, Maes, Claes,
        Goossens, Wouters, De Smet, Vandenbroucke, Van Damme, IJzerman
    """),
    male=_words("""
        Jan, Johannes, Cornelis, Hendrik, Willem, Pieter, Gerrit, Jacobus, Daan, Sem, Lucas,
        Thijs, Bram, Joris, Sander, Maarten, Ruud, Joost, Koen, Wouter
    """),
    female=_words("""
        Maria, Johanna, Anna, Cornelia, Wilhelmina, Emma, Sophie, Julia, Tess, Femke, Anouk,
        Sanne, Lotte, Eva, Fleur, Marieke, Ingrid, Ilse, Noor, Saskia
    """),
    cities=_words(
        "Amsterdam, Rotterdam, Den Haag, Utrecht, Eindhoven, Antwerpen, Gent, Paramaribo"
    ),
    second_given=0.3,
)

NORDIC = Origin(
    key="nordic",
    weight=3.5,
    nationalities=("NOR", "DNK", "SWE", "SWE", "FIN"),
    surnames=_words("""
        Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Jensen, Karlsen,
        Johansson, Andersson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson,
        Kristiansen, Pettersen, Eriksen, Berg, Haugen, Hagen, Dahl, Jørgensen, Halvorsen,
        Henriksen, Lund, Sørensen, Jakobsen, Moen, Gundersen, Iversen, Strand, Solberg,
        Rasmussen, Østergaard, Løkke, Kjærgaard, Søndergaard, Møller, Nørgaard, Ødegård,
        Åberg, Ångström, Öberg, Lindqvist, Svensson, Gustafsson, Jönsson, Bäckström,
        Sjöberg, Lindström, Håkansson, Fältskog, Korhonen, Virtanen, Mäkinen, Nieminen,
        Hämäläinen, Kärkkäinen, Bjørnstad, Aa
    """),
    male=_words("""
        Søren, Jørgen, Bjørn, Ole, Lars, Anders, Knut, Åke, Håkon, Jens, Mikkel, Rasmus, Nils,
        Erik, Magnus, Sven, Göran, Øyvind, Ørjan, Pål, Torbjørn, Asbjørn, Olav, Kjell, Leif,
        Jyrki, Väinö, Matti
    """),
    female=_words("""
        Åse, Kari, Ingrid, Liv, Solveig, Astrid, Sigrid, Birgitte, Mette, Kirsten, Grethe,
        Hanne, Signe, Freja, Maja, Ida, Ebba, Linnéa, Märta, Åsa, Ragnhild, Bodil, Inger,
        Tove, Siv, Gunnhild, Ylva, Päivi, Aino
    """),
    cities=_words(
        "Oslo, Bergen, Trondheim, København, Aarhus, Odense, Stockholm, Göteborg, "
        "Malmö, Helsinki, Tromsø, Jönköping"
    ),
    second_given=0.2,
)

ICELANDIC = Origin(
    key="icelandic",
    weight=0.3,
    nationalities=("ISL",),
    surnames=_words("""
        Jónsson/Jónsdóttir, Sigurðsson/Sigurðardóttir, Guðmundsson/Guðmundsdóttir,
        Gunnarsson/Gunnarsdóttir, Ólafsson/Ólafsdóttir, Einarsson/Einarsdóttir,
        Kristjánsson/Kristjánsdóttir, Magnússon/Magnúsdóttir, Stefánsson/Stefánsdóttir,
        Þórsson/Þórsdóttir, Björnsson/Björnsdóttir, Árnason/Árnadóttir
    """),
    male=_words("Jón, Sigurður, Guðmundur, Gunnar, Ólafur, Einar, Þór, Björn, Árni, Hörður"),
    female=_words("Guðrún, Anna, Kristín, Sigríður, Margrét, Helga, Þóra, Ásta, Hildur, Björk"),
    cities=_words("Reykjavík, Akureyri, Kópavogur, Hafnarfjörður"),
)

POLISH = Origin(
    key="polish",
    weight=4.0,
    nationalities=("POL",),
    surnames=_words("""
        Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński,
        Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Wojciechowski,
        Kwiatkowski, Krawczyk, Kaczmarek, Piotrowski, Grabowski, Zając, Pawłowski, Michalski,
        Król, Wieczorek, Jabłoński, Wróbel, Nowakowski, Majewski, Olszewski, Stępień,
        Malinowski, Jaworski, Adamczyk, Dudek, Nowicki, Pawlak, Górski, Witkowski, Walczak,
        Sikora, Baran, Rutkowski, Michalak, Szewczyk, Ostrowski, Tomaszewski, Pietrzak,
        Zalewski, Wróblewski, Łukasiewicz, Żółkiewski, Śliwiński, Łuczak, Brzęczyszczykiewicz
    """),
    male=_words("""
        Piotr, Krzysztof, Andrzej, Tomasz, Paweł, Jan, Michał, Marcin, Stanisław, Jakub, Adam,
        Marek, Łukasz, Grzegorz, Mateusz, Wojciech, Mariusz, Dariusz, Zbigniew, Jerzy,
        Przemysław, Bartłomiej, Maciej
    """),
    female=_words("""
        Anna, Maria, Katarzyna, Małgorzata, Agnieszka, Barbara, Ewa, Krystyna, Elżbieta, Zofia,
        Joanna, Magdalena, Monika, Jadwiga, Danuta, Beata, Aleksandra, Urszula, Teresa,
        Żaneta, Jolanta, Halina, Grażyna, Bożena
    """),
    cities=_words("Warszawa, Kraków, Łódź, Wrocław, Poznań, Gdańsk, Szczecin, Białystok, Gdynia"),
    feminine=polish_feminine,
    second_given=0.1,
)

CZECH = Origin(
    key="czech",
    weight=1.5,
    nationalities=("CZE", "CZE", "SVK"),
    surnames=_words("""
        Novák/Nováková, Svoboda/Svobodová, Novotný/Novotná, Dvořák/Dvořáková, Černý/Černá,
        Procházka/Procházková, Kučera/Kučerová, Veselý/Veselá, Horák/Horáková,
        Němec/Němcová, Pokorný/Pokorná, Marek/Marková, Pospíšil/Pospíšilová, Hájek/Hájková,
        Jelínek/Jelínková, Král/Králová, Růžička/Růžičková, Beneš/Benešová, Fiala/Fialová,
        Sedláček/Sedláčková, Doležal/Doležalová, Zeman/Zemanová, Kolář/Kolářová,
        Navrátil/Navrátilová, Čermák/Čermáková, Šťastný/Šťastná
    """),
    male=_words("""
        Jiří, Jan, Petr, Josef, Pavel, Martin, Tomáš, Jaroslav, Miroslav, Zdeněk, Václav,
        Michal, František, Jakub, Lukáš, Ondřej, Vojtěch
    """),
    female=_words("""
        Jana, Marie, Eva, Hana, Anna, Lenka, Kateřina, Věra, Lucie, Alena, Petra, Veronika,
        Jaroslava, Tereza, Michaela, Zuzana, Markéta
    """),
    cities=_words("Praha, Brno, Ostrava, Plzeň, Olomouc, Bratislava, Košice, České Budějovice"),
)

HUNGARIAN = Origin(
    key="hungarian",
    weight=1.0,
    nationalities=("HUN",),
    surnames=_words("""
        Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp,
        Takács, Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szőke, Győri, Pintér,
        Bíró, Szűcs
    """),
    male=_words("""
        László, István, József, János, Zoltán, Sándor, Gábor, Ferenc, Attila, Péter, Tamás,
        Zsolt, Balázs, Dániel, Ádám, Gergő, Bence, Levente, Máté
    """),
    female=_words("""
        Mária, Erzsébet, Katalin, Ilona, Éva, Anna, Zsuzsanna, Margit, Judit, Ágnes, Andrea,
        Erika, Krisztina, Eszter, Réka, Zsófia, Dóra, Boglárka, Lilla, Ildikó, Tünde, Gyöngyi
    """),
    cities=_words("Budapest, Debrecen, Szeged, Miskolc, Pécs, Győr, Nyíregyháza"),
)

ROMANIAN = Origin(
    key="romanian",
    weight=2.0,
    nationalities=("ROU", "ROU", "MDA"),
    surnames=_words("""
        Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stoica, Stan, Gheorghe, Rusu, Munteanu,
        Matei, Constantin, Șerban, Moldovan, Ștefănescu, Dumitrescu, Niculescu, Țăranu, Lungu,
        Bălan, Mocanu, Ciobanu, Sârbu, Căpraru
    """),
    male=_words("""
        Ion, Gheorghe, Vasile, Constantin, Alexandru, Andrei, Mihai, Ștefan, Florin, Cristian,
        Marius, Bogdan, Ionuț, Răzvan, Dragoș
    """),
    female=_words("""
        Maria, Elena, Ioana, Ana, Andreea, Mihaela, Cristina, Alexandra, Gabriela, Daniela,
        Ionela, Ramona, Roxana, Corina, Simona, Bianca, Oana, Mădălina, Alina
    """),
    cities=_words("București, Cluj-Napoca, Timișoara, Iași, Constanța, Brașov, Chișinău"),
)

SOUTH_SLAVIC = Origin(
    key="south_slavic",
    weight=2.0,
    nationalities=("SRB", "HRV", "BIH", "MNE", "SVN", "MKD"),
    surnames=_words("""
        Jovanović, Petrović, Nikolić, Marković, Đorđević, Stojanović, Ilić, Stanković,
        Pavlović, Milošević, Horvat, Kovačević, Babić, Marić, Jurić, Novak, Knežević,
        Vuković, Perić, Šarić, Božić, Tomić, Lukić, Đurić, Živković, Hodžić, Begović
    """),
    male=_words("""
        Marko, Nikola, Luka, Stefan, Milan, Dragan, Zoran, Goran, Ivan, Dušan, Nenad, Željko,
        Đorđe, Miloš, Vladimir, Emir, Adnan
    """),
    female=_words("""
        Ana, Marija, Jelena, Milica, Ivana, Dragana, Snežana, Maja, Tijana, Jovana, Katarina,
        Mirjana, Vesna, Željka, Gordana, Nevena, Amra, Lejla
    """),
    cities=_words("Beograd, Novi Sad, Niš, Zagreb, Split, Sarajevo, Podgorica, Ljubljana, Skopje"),
)

GREEK = Origin(
    key="greek",
    weight=1.0,
    nationalities=("GRC", "GRC", "CYP"),
    surnames=_words("""
        Papadopoulos/Papadopoulou, Georgiou, Nikolaidis/Nikolaidou, Pappas/Pappa,
        Vlachos/Vlachou, Oikonomou, Dimitriou, Konstantinidis/Konstantinidou,
        Karagiannis/Karagianni, Ioannou, Christodoulou, Alexiou, Papageorgiou,
        Antoniou, Makris/Makri
    """),
    male=_words("""
        Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Panagiotis, Vasileios, Christos,
        Athanasios, Michail, Evangelos, Spyridon
    """),
    female=_words("""
        Maria, Eleni, Aikaterini, Vasiliki, Sofia, Angeliki, Georgia, Dimitra, Konstantina,
        Paraskevi, Ioanna, Despoina, Athina
    """),
    cities=_words("Athina, Thessaloniki, Patra, Irakleio, Larisa, Lefkosia, Lemesos"),
)

RUSSIAN = Origin(
    key="russian",
    weight=6.0,
    nationalities=("RUS", "RUS", "RUS", "BLR", "KAZ"),
    surnames=_words("""
        Иванов, Смирнов, Кузнецов, Попов, Васильев, Петров, Соколов, Михайлов, Новиков,
        Фёдоров, Морозов, Волков, Алексеев, Лебедев, Семёнов, Егоров, Павлов, Козлов,
        Степанов, Николаев, Орлов, Андреев, Макаров, Никитин, Захаров, Зайцев, Соловьёв,
        Борисов, Яковлев, Григорьев, Романов, Воробьёв, Сергеев, Кузьмин, Фролов,
        Александров, Дмитриев, Королёв, Гусев, Киселёв, Ильин, Максимов, Поляков, Сорокин,
        Виноградов, Ковалёв, Белов, Медведев, Антонов, Тарасов, Жуков, Баранов, Филиппов,
        Комаров, Давыдов, Беляев, Герасимов, Богданов, Осипов, Сидоров, Матвеев, Титов,
        Марков, Миронов, Крылов, Куликов, Карпов, Власов, Щербаков, Чернов, Юдин, Ершов,
        Цветков, Хохлов, Достоевский, Толстой, Эйзенштейн, Шостакович
    """),
    male=_words("""
        Александр, Сергей, Дмитрий, Андрей, Алексей, Максим, Евгений, Иван, Михаил, Артём,
        Николай, Владимир, Павел, Юрий, Игорь, Олег, Виктор, Роман, Константин, Фёдор,
        Григорий, Вячеслав, Святослав, Пётр, Илья, Никита
    """),
    female=_words("""
        Елена, Ольга, Наталья, Татьяна, Ирина, Светлана, Анна, Мария, Екатерина, Юлия,
        Анастасия, Людмила, Галина, Марина, Дарья, Ксения, Валентина, Ярослава, Софья, Алёна,
        Евгения, Полина, Вера, Надежда, Любовь
    """),
    cities=_words(
        "Москва, Санкт-Петербург, Новосибирск, Екатеринбург, Казань, Минск, Нижний Новгород, Алматы"
    ),
    feminine=russian_feminine,
    patronymic=0.4,
    patronymic_rule=russian_patronymic,
    patronymic_fathers=_words("""
        Александр, Сергей, Андрей, Алексей, Максим, Евгений, Иван, Николай, Владимир, Юрий,
        Игорь, Олег, Виктор, Роман, Константин, Григорий, Вячеслав
    """),
    cyrillic=True,
)

UKRAINIAN = Origin(
    key="ukrainian",
    weight=4.0,
    nationalities=("UKR",),
    surnames=_words("""
        Шевченко, Коваленко, Бондаренко, Ткаченко, Кравченко, Ковальчук, Олійник, Шевчук,
        Поліщук, Бойко, Ткачук, Савченко, Руденко, Мельник, Мороз, Лисенко, Петренко,
        Клименко, Павленко, Марченко, Кравчук, Гончаренко, Литвиненко, Білоус, Гнатюк,
        Ярошенко, Дорошенко, Єременко, Їжакевич, Ґудзь, Сковорода, Франко, Українка
    """),
    male=_words("""
        Олександр, Андрій, Сергій, Володимир, Олег, Микола, Іван, Василь, Юрій, Богдан,
        Тарас, Дмитро, Петро, Ярослав, Остап, Євген, Віталій, Максим
    """),
    female=_words("""
        Олена, Наталія, Тетяна, Ірина, Оксана, Юлія, Світлана, Людмила, Галина, Марія, Ганна,
        Катерина, Софія, Анастасія, Вікторія, Леся, Христина, Ольга
    """),
    cities=_words("Київ, Харків, Одеса, Дніпро, Львів, Запоріжжя, Вінниця, Чернігів"),
    patronymic=0.25,
    patronymic_rule=ukrainian_patronymic,
    patronymic_fathers=_words("Олександр, Сергій, Іван, Василь, Богдан, Тарас, Петро"),
    cyrillic=True,
)

ARABIC = Origin(
    key="arabic",
    weight=8.0,
    nationalities=("MAR", "DZA", "TUN", "EGY", "SYR", "IRQ", "LBN", "JOR", "SAU", "LBY"),
    surnames=_words("""
        Al-Sayed, El-Amrani, Benali, Haddad, Khalil, Hassan, Hussein, Ibrahim, Mansour,
        Nasser, Saleh, Youssef, Abdallah, Abdel Rahman, Al-Masri, El-Khoury, Farouk, Hamdan,
        Karim, Mahmoud, Mustafa, Osman, Qasim, Rahman, Said, Sharif, Suleiman, Taha, Zaki,
        Bouazizi, Benjelloun, El Idrissi, Alaoui, Belkacem, Chraibi, Tazi, Fassi-Fihri,
        Ben Youssef, Abu-Bakr, Al-Hashimi, Al-Zahrani, Al-Qahtani, Al-Otaibi, Darwish, Aziz,
        Jaber, Khoury, Najjar, Sabbagh, Ould Abdallah, Bin Laden, Abou Khalil
    """),
    male=_words("""
        Mohammed, Muhammad, Mohamed, Ahmed, Ahmad, Ali, Omar, Youssef, Yusuf, Ibrahim, Khaled,
        Hassan, Hussein, Mahmoud, Mustafa, Abdelaziz, Abdullah, Karim, Tariq, Rachid, Hamza,
        Bilal, Samir, Walid, Nabil, Anas, Abdel Karim
    """),
    female=_words("""
        Fatima, Fatma, Aisha, Aïcha, Khadija, Maryam, Zainab, Amina, Layla, Leila, Nour,
        Salma, Yasmin, Hiba, Rania, Samira, Nadia, Huda, Malak, Rim, Sanaa, Zahra, Asma,
        Imane, Meriem
    """),
    cities=_words(
        "Casablanca, Rabat, Alger, Oran, Tunis, Le Caire, Alexandrie, Damas, Alep, "
        "Bagdad, Beyrouth, Amman, Riyad, Tripoli"
    ),
    second_given=0.15,
)

TURKISH = Origin(
    key="turkish",
    weight=4.5,
    nationalities=("TUR", "TUR", "TUR", "AZE"),
    surnames=_words("""
        Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan,
        Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özcan, Korkmaz,
        Çakır, Erdoğan, Yavuz, Can, Acar, Şen, Aktaş, Güler, Yalçın, Güneş, Bozkurt, Bulut,
        Keskin, Ünal, Turan, Gül, Özer, İnce, Işık, Uçar, Aliyev, Məmmədov
    """),
    male=_words("""
        Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat,
        Ömer, Ramazan, Halil, Süleyman, Abdullah, Mahmut, Recep, Emre, Burak, Çağlar, Oğuz,
        Barış, Gökhan, Tolga
    """),
    female=_words("""
        Fatma, Ayşe, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Zehra, Sultan, Hanife,
        Merve, Özlem, Büşra, Gülsüm, Gül, Esra, Yasemin, Dilek, Şeyma, Gizem, Ebru, Tuğba,
        Çiğdem
    """),
    cities=_words("İstanbul, Ankara, İzmir, Bursa, Antalya, Gaziantep, Diyarbakır, Bakı"),
    second_given=0.1,
)

PERSIAN = Origin(
    key="persian",
    weight=1.5,
    nationalities=("IRN", "IRN", "AFG"),
    surnames=_words("""
        Hosseini, Mohammadi, Ahmadi, Rezaei, Moradi, Karimi, Jafari, Rahimi, Hashemi, Sadeghi,
        Ghasemi, Mousavi, Tehrani, Shirazi, Esfahani, Popal, Wardak, Karzai
    """),
    male=_words("""
        Reza, Amir, Mehdi, Hossein, Ali, Mohammad, Saeed, Babak, Dariush, Kourosh, Farhad,
        Ahmad Shah, Hamid
    """),
    female=_words("""
        Zahra, Maryam, Fatemeh, Shirin, Parisa, Neda, Leila, Golnar, Mahsa, Roya, Sara,
        Nasrin, Farida
    """),
    cities=_words("Tehran, Mashhad, Esfahan, Shiraz, Tabriz, Kabul, Herat"),
)

CHINESE = Origin(
    key="chinese",
    weight=5.0,
    nationalities=("CHN", "CHN", "CHN", "TWN", "SGP"),
    surnames=_words("""
        Wang=王, Li=李, Zhang=张, Liu=刘, Chen=陈, Yang=杨, Huang=黄, Zhao=赵, Wu=吴, Zhou=周,
        Xu=徐, Sun=孙, Ma=马, Zhu=朱, Hu=胡, Guo=郭, He=何, Gao=高, Lin=林, Luo=罗,
        Zheng=郑, Liang=梁, Xie=谢, Song=宋, Tang=唐, Han=韩, Feng=冯, Deng=邓, Cao=曹,
        Peng=彭, Zeng=曾, Xiao=肖, Tian=田, Dong=董, Yuan=袁, Pan=潘, Jiang=蒋, Cai=蔡,
        Lü=吕, Wei=魏, Ouyang=欧阳, Sima=司马
    """),
    male=_words("""
        Wei=伟, Qiang=强, Lei=磊, Jun=军, Yong=勇, Jie=杰, Tao=涛, Ming=明, Chao=超,
        Gang=刚, Xiaoming=小明, Haoran=浩然, Yuxuan=宇轩, Jiahao=家豪, Zhiwei=志伟,
        Jianguo=建国, Hao=浩, Bo=波
    """),
    female=_words("""
        Fang=芳, Xiuying=秀英, Na=娜, Min=敏, Jing=静, Li=丽, Yan=艳, Juan=娟, Xiulan=秀兰,
        Xia=霞, Ping=平, Zihan=子涵, Xinyi=欣怡, Mei=梅, Hui=慧, Lan=兰, Hong=红, Ying=英
    """),
    cities=_words(
        "Beijing, Shanghai, Guangzhou, Shenzhen, Chengdu, Wuhan, Xi'an, Taipei, Singapore"
    ),
    native_share=0.5,
)

VIETNAMESE = Origin(
    key="vietnamese",
    weight=1.5,
    nationalities=("VNM",),
    surnames=_words("""
        Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý
    """),
    male=_words("""
        Minh, Hùng, Dũng, Tuấn, Đức, Quang, Thành, Hải, Long, Nam, Phúc, Khang, Huy, Bảo
    """),
    female=_words("""
        Hương, Thảo, Linh, Trang, Ngọc, Phương, Lan, Mai, Hoa, Hằng, Nhung, Yến, Thủy, Vy
    """),
    cities=_words("Hà Nội, Thành phố Hồ Chí Minh, Đà Nẵng, Hải Phòng, Huế, Cần Thơ"),
    given_prefix_male=_words("Văn, Đức, Quốc, Minh"),
    given_prefix_female=_words("Thị, Ngọc, Thu, Kim"),
    given_prefix_share=0.75,
)

KOREAN = Origin(
    key="korean",
    weight=1.0,
    nationalities=("KOR",),
    surnames=_words("""
        Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Oh, Seo, Shin, Kwon,
        Hwang, Ahn, Song
    """),
    male=_words("Min-jun, Seo-jun, Ji-hoon, Dong-hyun, Sung-min, Jae-won, Hyun-woo, Tae-yang"),
    female=_words("Seo-yeon, Ji-woo, Min-ji, Soo-ah, Ha-eun, Ji-yeon, Eun-ji, Yu-na"),
    cities=_words("Seoul, Busan, Incheon, Daegu, Daejeon, Gwangju"),
)

JAPANESE = Origin(
    key="japanese",
    weight=1.0,
    nationalities=("JPN",),
    surnames=_words("""
        Satō, Suzuki, Takahashi, Tanaka, Watanabe, Itō, Yamamoto, Nakamura, Kobayashi, Katō,
        Yoshida, Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue, Kimura, Hayashi, Shimizu, Saitō
    """),
    male=_words("Hiroshi, Takashi, Kenji, Haruto, Ren, Yūto, Sōta, Kazuki, Daiki, Shōta"),
    female=_words("Yuki, Yōko, Keiko, Sakura, Yui, Aoi, Hina, Mei, Akiko, Emi, Yūko"),
    cities=_words("Tōkyō, Ōsaka, Kyōto, Yokohama, Nagoya, Sapporo, Fukuoka"),
)

INDIAN = Origin(
    key="indian",
    weight=3.0,
    nationalities=("IND", "IND", "IND", "PAK", "BGD", "LKA"),
    surnames=_words("""
        Sharma, Patel, Singh, Kumar, Gupta, Khan, Reddy, Rao, Iyer, Nair, Menon, Das,
        Chatterjee, Banerjee, Mukherjee, Joshi, Mehta, Shah, Desai, Kapoor, Malhotra, Verma,
        Agarwal, Pillai, Bhattacharya, Chaudhry, Qureshi, Rahman, Perera, Fernando
    """),
    male=_words("""
        Rahul, Amit, Rajesh, Sanjay, Vikram, Arjun, Anil, Suresh, Ramesh, Arun, Vijay, Deepak,
        Manoj, Ravi, Imran, Asif, Nuwan
    """),
    female=_words("""
        Priya, Anjali, Sunita, Pooja, Neha, Kavita, Lakshmi, Deepika, Aishwarya, Divya, Meena,
        Shreya, Ananya, Ayesha, Nadeesha
    """),
    cities=_words(
        "Mumbai, Delhi, Bengaluru, Chennai, Kolkata, Hyderabad, Karachi, Lahore, Dhaka, Colombo"
    ),
    second_given=0.15,
)

WEST_AFRICAN = Origin(
    key="west_african",
    weight=1.5,
    nationalities=("NGA", "NGA", "GHA", "CMR"),
    surnames=_words("""
        Adeyemi, Okafor, Okonkwo, Adebayo, Balogun, Olawale, Nwosu, Eze, Chukwu, Bello,
        Abubakar, Ogunleye, Oladipo, Mensah, Boateng, Asante, Owusu, Nkemelu, Etoundi, Mbarga
    """),
    male=_words("""
        Chinedu, Emeka, Oluwaseun, Tunde, Ayodele, Ikechukwu, Babatunde, Segun, Femi, Kwame,
        Kofi, Yaw
    """),
    female=_words("""
        Ngozi, Chioma, Adaeze, Funmilayo, Folake, Yetunde, Amaka, Ifeoma, Bukola, Akosua,
        Abena, Efua
    """),
    cities=_words("Lagos, Abuja, Ibadan, Kano, Enugu, Accra, Kumasi, Yaoundé, Douala"),
    second_given=0.3,
)

ORIGINS: tuple[Origin, ...] = (
    GERMAN,
    SPANISH,
    PORTUGUESE,
    FRENCH,
    ITALIAN,
    ENGLISH,
    DUTCH,
    NORDIC,
    ICELANDIC,
    POLISH,
    CZECH,
    HUNGARIAN,
    ROMANIAN,
    SOUTH_SLAVIC,
    GREEK,
    RUSSIAN,
    UKRAINIAN,
    ARABIC,
    TURKISH,
    PERSIAN,
    CHINESE,
    VIETNAMESE,
    KOREAN,
    JAPANESE,
    INDIAN,
    WEST_AFRICAN,
)

HOST_CITIES: tuple[tuple[str, str], ...] = (
    ("Genève", "1201"),
    ("Genève", "1202"),
    ("Genève", "1203"),
    ("Genève", "1205"),
    ("Genève", "1207"),
    ("Genève", "1209"),
    ("Carouge", "1227"),
    ("Lancy", "1212"),
    ("Vernier", "1214"),
    ("Meyrin", "1217"),
    ("Onex", "1213"),
    ("Chêne-Bourg", "1225"),
    ("Lausanne", "1003"),
    ("Nyon", "1260"),
    ("Annemasse", "74100"),
)
HOST_STREETS: tuple[str, ...] = _words("""
    Rue de Lausanne, Avenue de France, Route de Chêne, Boulevard Carl-Vogt, Rue du Rhône,
    Chemin des Crêts, Rue de Carouge, Avenue Wendt, Rue des Pâquis, Quai du Mont-Blanc,
    Route de Meyrin, Chemin de la Gravière, Rue de la Servette, Avenue Pictet-de-Rochemont,
    Place du Bourg-de-Four, Rue Voltaire, Chemin Frank-Thomas, Route des Acacias
""")
EMAIL_DOMAINS: tuple[str, ...] = ("example.org", "example.com", "example.net", "mail.example")
