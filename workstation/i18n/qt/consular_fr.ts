<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AddressEditor</name>
    <message>
        <location filename="../../ui/form_fields.py" line="+271"/>
        <source>Street and number</source>
        <translation>Rue et numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postcode</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Pays</translation>
    </message>
</context>
<context>
    <name>AdjustmentBar</name>
    <message>
        <location filename="../../ui/adjustment_bar.py" line="+76"/>
        <source>Rotation {rotation:+g}°, zoom {zoom:g}×</source>
        <translation>Rotation {rotation:+g}°, zoom {zoom:g}×</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⟲ 1°</source>
        <translation>⟲ 1°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate the photo one degree to the left ([)</source>
        <translation>Faire pivoter la photo d&apos;un degré vers la gauche ([)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>⟳ 1°</source>
        <translation>⟳ 1°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate the photo one degree to the right (])</source>
        <translation>Faire pivoter la photo d&apos;un degré vers la droite (])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom +</source>
        <translation>Zoom +</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep a smaller part of the photo (+); Alt+arrows move it</source>
        <translation>Garder une plus petite partie de la photo (+)&#xa0;; Alt+flèches pour la déplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom −</source>
        <translation>Zoom −</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep more of the photo (-)</source>
        <translation>Garder une plus grande partie de la photo (-)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the adjustment (Ctrl+0)</source>
        <translation>Annuler le réglage (Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <location filename="../../ui/civil_register_annotation.py" line="+275"/>
        <source>Annotate {number}</source>
        <translation>Porter une mention sur l&apos;acte {number}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind of annotation:</source>
        <translation>&amp;Type de mention&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close without annotating (Esc)</source>
        <translation>Fermer sans porter de mention (Échap)</translation>
    </message>
</context>
<context>
    <name>AnnotationFormPage</name>
    <message>
        <location line="-107"/>
        <source>&amp;Annotate</source>
        <translation>&amp;Porter la mention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Append the annotation to the entry (Ctrl+S)</source>
        <translation>Ajouter la mention à l&apos;acte (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Annotation {sequence} recorded.</source>
        <translation>Mention {sequence} enregistrée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not annotated: see the fields marked in red.</source>
        <translation>Mention non enregistrée&#xa0;: voir les champs signalés en rouge.</translation>
    </message>
</context>
<context>
    <name>ApprovalQueuePage</name>
    <message>
        <location filename="../../ui/approval_queue.py" line="+208"/>
        <source>&amp;Approve</source>
        <extracomment>How often the queue is read again while it is shown.</extracomment>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject…</source>
        <translation>&amp;Rejeter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refre&amp;sh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You submitted this request: another officer must approve it.</source>
        <translation>Vous avez soumis cette demande&#xa0;: un autre agent doit l&apos;approuver.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name}, asked by {officer}</source>
        <translation>{name}, demandé par {officer}</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Requests waiting for approval: {count}</source>
        <translation>Demandes en attente d&apos;approbation&#xa0;: {count}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No request is waiting for approval.</source>
        <translation>Aucune demande n&apos;est en attente d&apos;approbation.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No request selected.</source>
        <translation>Aucune demande sélectionnée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transit points</source>
        <translation>Points de transit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passport replaced</source>
        <translation>Passeport remplacé</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>You submitted this request: another officer approves it.</source>
        <translation>Vous avez soumis cette demande&#xa0;: un autre agent l&apos;approuve.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Reject request</source>
        <translation>Rejeter la demande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request goes back to the officer who prepared it, with your reason, to correct and submit again.</source>
        <translation>La demande retourne à l&apos;agent qui l&apos;a préparée, avec votre motif, pour qu&apos;il la corrige et la soumette de nouveau.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>approved</source>
        <translation>approuvée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent back to its officer</source>
        <translation>renvoyée à son agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Request #{id} {verb}.</source>
        <translation>Demande n° {id} {verb}.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../ui/camera_view.py" line="+95"/>
        <location line="+42"/>
        <source>No camera.</source>
        <translation>Aucune caméra.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Import a photo from a file (Ctrl+O).</source>
        <translation>Importez une photo depuis un fichier (Ctrl+O).</translation>
    </message>
</context>
<context>
    <name>ChecksTable</name>
    <message>
        <location filename="../../ui/photo_checks.py" line="+89"/>
        <source>Check</source>
        <translation>Contrôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason / override</source>
        <translation>Motif / dérogation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overridden</source>
        <translation>dérogé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FAILED</source>
        <translation>ÉCHEC</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{reason}; overridden: {why}</source>
        <translation>{reason}&#xa0;; dérogation&#xa0;: {why}</translation>
    </message>
</context>
<context>
    <name>ChipKeyDialog</name>
    <message>
        <location filename="../../ui/mrz_dialog.py" line="+259"/>
        <source>Read a passport chip</source>
        <translation>Lire la puce d&apos;un passeport</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the passport on the reader. The chip opens with the document number, the birth date and the expiry date printed in it.</source>
        <translation>Posez le passeport sur le lecteur. La puce s&apos;ouvre avec le numéro du document, la date de naissance et la date d&apos;expiration qui y sont imprimés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document &amp;number:</source>
        <translation>&amp;Numéro du document&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Birth date (YYMMDD):</source>
        <translation>Date de nai&amp;ssance (AAMMJJ)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Expiry date (YYMMDD):</source>
        <translation>Date d&apos;&amp;expiration (AAMMJJ)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Read chip</source>
        <translation>&amp;Lire la puce</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type the document number (letters and digits) and both dates as six digits, year, month, day (YYMMDD).</source>
        <translation>Saisissez le numéro du document (lettres et chiffres) et les deux dates en six chiffres&#xa0;: année, mois, jour (AAMMJJ).</translation>
    </message>
</context>
<context>
    <name>CivilEntryView</name>
    <message>
        <location filename="../../ui/civil_register_detail.py" line="+181"/>
        <source>Full copy</source>
        <translation>Copie intégrale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth extract</source>
        <translation>Extrait d&apos;acte de naissance</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Supervisor&apos;s decision</source>
        <translation>Décision du superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rea&amp;son:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required to reject, or to approve with evidence missing</source>
        <translation>Obligatoire pour rejeter, ou pour approuver malgré des justificatifs manquants</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approve</source>
        <translation>A&amp;pprouver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;ject</source>
        <translation>Re&amp;jeter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Acte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print on A4</source>
        <translation>&amp;Imprimer en A4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the certificate to the post&apos;s A4 printer</source>
        <translation>Envoyer l&apos;acte à l&apos;imprimante A4 du poste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No A4 printing of certificates on this workstation: save a PDF</source>
        <translation>Pas d&apos;impression A4 des actes sur ce poste de travail&#xa0;: enregistrez un PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;nnotate…</source>
        <translation>Menti&amp;on…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record a later fact: recognition, adoption, change of name, divorce, correction</source>
        <translation>Enregistrer un fait ultérieur&#xa0;: reconnaissance, adoption, changement de nom, divorce, rectification</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Save the certificate</source>
        <translation>Enregistrer l&apos;acte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Making the certificate…</source>
        <translation>Établissement de l&apos;acte…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Certificate saved: {file}</source>
        <translation>Acte enregistré&#xa0;: {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate printed on the A4 printer.</source>
        <translation>Acte imprimé sur l&apos;imprimante A4.</translation>
    </message>
</context>
<context>
    <name>CivilRegisterPage</name>
    <message>
        <location filename="../../ui/civil_register_page.py" line="+191"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Type&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;how:</source>
        <translation>&amp;Afficher&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;birth…</source>
        <translation>Nouvelle &amp;naissance…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;marriage…</source>
        <translation>Nouveau &amp;mariage…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;death…</source>
        <translation>Nouveau &amp;décès…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No form for this kind on this workstation</source>
        <translation>Pas de formulaire pour ce type d&apos;acte sur ce poste de travail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh</source>
        <translation>Actualise&amp;r</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the register again (F5)</source>
        <translation>Relire le registre (F5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All entries</source>
        <translation>Tous les actes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending approval</source>
        <translation>En attente d&apos;approbation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred (nationality follow-up)</source>
        <translation>Signalés (suivi de la nationalité)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered</source>
        <translation>Enregistrés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{shown} of {total} entries</source>
        <translation>{shown} actes sur {total}</translation>
    </message>
</context>
<context>
    <name>DeviceMonitor</name>
    <message>
        <location filename="../../ui/device_monitor.py" line="+65"/>
        <source>Card inserted in {reader}</source>
        <translation>Carte insérée dans {reader}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card removed from {reader}</source>
        <translation>Carte retirée de {reader}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader connected: {reader}</source>
        <translation>Lecteur connecté&#xa0;: {reader}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reader disconnected: {reader}</source>
        <translation>Lecteur déconnecté&#xa0;: {reader}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smart-card service is not running</source>
        <translation>Le service des cartes à puce n&apos;est pas démarré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The smart-card service is back</source>
        <translation>Le service des cartes à puce est rétabli</translation>
    </message>
</context>
<context>
    <name>DeviceStatusBar</name>
    <message>
        <location filename="../../ui/device_status_bar.py" line="+86"/>
        <source>checking…</source>
        <translation>vérification…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{device}: {state}</source>
        <translation>{device}&#xa0;: {state}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Device: {name}</source>
        <translation>Périphérique&#xa0;: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code: {code}</source>
        <translation>Code&#xa0;: {code}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card reader</source>
        <translation>Lecteur de cartes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card printer</source>
        <translation>Imprimante de cartes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 printer</source>
        <translation>Imprimante A4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ready</source>
        <translation>prêt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>not set up</source>
        <translation>non configuré</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>print service not running</source>
        <translation>service d&apos;impression arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer not found</source>
        <translation>imprimante introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printer paused</source>
        <translation>imprimante en pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not supported on this system</source>
        <translation>non pris en charge sur ce système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smart-card software missing</source>
        <translation>logiciel des cartes à puce absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>smart-card service not running</source>
        <translation>service des cartes à puce arrêté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot list readers</source>
        <translation>impossible de lister les lecteurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reader connected</source>
        <translation>aucun lecteur connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set-up reader not connected</source>
        <translation>lecteur configuré non connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no camera connected</source>
        <translation>aucune caméra connectée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set-up camera not connected</source>
        <translation>caméra configurée non connectée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no permission to use the camera</source>
        <translation>pas d&apos;autorisation d&apos;utiliser la caméra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot be checked on this system</source>
        <translation>impossible à vérifier sur ce système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check failed</source>
        <translation>échec de la vérification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected</source>
        <translation>non connecté</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../ui/document_preview.py" line="+82"/>
        <location line="+4"/>
        <source>Select a document to see its preview.</source>
        <extracomment>Enough for a card to be read on screen; an A4 page stays under ~2 MB of pixels.</extracomment>
        <translation>Sélectionnez un document pour en voir l&apos;aperçu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+16"/>
        <source>Rendering the preview…</source>
        <translation>Création de l&apos;aperçu…</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../ui/tasks.py" line="+81"/>
        <source>A device did not do what was asked ({code}). Check that it is connected and switched on, then try again.</source>
        <extracomment>The interpreter&apos;s thread switch interval while a task runner exists (see TaskRunner).</extracomment>
        <translation>Un périphérique n&apos;a pas exécuté l&apos;opération demandée ({code}). Vérifiez qu&apos;il est connecté et allumé, puis réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The action could not be completed because of an unexpected problem. Try again; if it happens again, tell your IT support (the details are in the log).</source>
        <translation>L&apos;opération n&apos;a pas pu aboutir en raison d&apos;un problème inattendu. Réessayez&#xa0;; si cela se reproduit, prévenez votre support informatique (les détails figurent dans le journal).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Consular workstation</source>
        <translation>Poste de travail consulaire</translation>
    </message>
</context>
<context>
    <name>EtdRequestPage</name>
    <message>
        <location filename="../../ui/etd_request_form.py" line="+68"/>
        <source>Open or save the applicant first.</source>
        <translation>Ouvrez ou enregistrez d&apos;abord le demandeur.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Emergency travel document request</source>
        <translation>Demande de titre de voyage d&apos;urgence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save request</source>
        <translation>&amp;Enregistrer la demande</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../ui/form_page.py" line="+114"/>
        <source>&amp;Save</source>
        <extracomment>Raises the domain&apos;s ValidationError when the values are not acceptable. Makes, on the GUI thread, what stores the values; that runs on a worker, so it must touch services only (no widget), and returns the record&apos;s id (see ``FormPage._on_write_succeeded``).</extracomment>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Correct the fields marked in red, then save.</source>
        <translation>Corrigez les champs signalés en rouge, puis enregistrez.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not saved: see the fields marked in red.</source>
        <translation>Non enregistré&#xa0;: voir les champs signalés en rouge.</translation>
    </message>
</context>
<context>
    <name>IdentifierEditor</name>
    <message>
        <location filename="../../ui/form_fields.py" line="-64"/>
        <source>passport</source>
        <translation>passeport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>national ID</source>
        <translation>carte d&apos;identité nationale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>consular ID</source>
        <translation>carte consulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>residence permit</source>
        <translation>titre de séjour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth registration</source>
        <translation>acte de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>autre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of document</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document number</source>
        <translation>Numéro du document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing state</source>
        <translation>État de délivrance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuing state (3 letters)</source>
        <translation>État de délivrance (3 lettres)</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <location filename="../../ui/idle_lock.py" line="+223"/>
        <source>Locked – {name}</source>
        <extracomment>The object name of :attr:`IdleLock.lock_action`, to find it with ``findChild``.</extracomment>
        <translation>Verrouillé – {name}</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&amp;Lock screen</source>
        <translation>&amp;Verrouiller l&apos;écran</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cover the windows until your password is typed</source>
        <translation>Masquer les fenêtres jusqu&apos;à la saisie de votre mot de passe</translation>
    </message>
</context>
<context>
    <name>IssuePage</name>
    <message>
        <location filename="../../ui/issue_step_rules.py" line="+89"/>
        <source>New &amp;card</source>
        <translation>Nouvelle &amp;carte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request a consular ID card</source>
        <translation>Demander une carte d&apos;identité consulaire</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New &amp;ETD…</source>
        <translation>Nouveau &amp;TVU…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request an emergency travel document (needs a supervisor)</source>
        <translation>Demander un titre de voyage d&apos;urgence (approbation d&apos;un superviseur requise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submi&amp;t</source>
        <translation>&amp;Soumettre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submit the request again</source>
        <translation>Soumettre de nouveau la demande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Issue</source>
        <translation>&amp;Délivrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Number, seal and sign the document, then print it</source>
        <translation>Numéroter, sceller et signer le document, puis l&apos;imprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write chip</source>
        <translation>&amp;Encoder la puce</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the card&apos;s chip</source>
        <translation>Écrire la puce de la carte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a&amp;gain…</source>
        <translation>Ré&amp;imprimer…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Print an issued document again</source>
        <translation>Imprimer de nouveau un document délivré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sp&amp;oiled copy…</source>
        <translation>E&amp;xemplaire gâché…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record an unusable copy of the document</source>
        <translation>Enregistrer un exemplaire inutilisable du document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Void…</source>
        <translation>In&amp;valider…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel the document for good</source>
        <translation>Annuler définitivement le document</translation>
    </message>
    <message>
        <location filename="../../ui/issue_page.py" line="+218"/>
        <source>Select a document to see its preview.</source>
        <extracomment>The printers are listed again when the page is shown, at most this often (seconds).</extracomment>
        <translation>Sélectionnez un document pour en voir l&apos;aperçu.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>No document selected.</source>
        <translation>Aucun document sélectionné.</translation>
    </message>
    <message>
        <location filename="../../ui/issue_step_rules.py" line="+7"/>
        <source>submit it when the request is complete.</source>
        <translation>à soumettre quand la demande est complète.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waiting for a supervisor&apos;s approval.</source>
        <translation>en attente de l&apos;approbation d&apos;un superviseur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ready to issue (Ctrl+I).</source>
        <translation>prêt à être délivré (Ctrl+I).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numbered and signed; it becomes issued when its print completes.</source>
        <translation>numéroté et signé&#xa0;; il sera délivré une fois l&apos;impression terminée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>printed. Print again (Ctrl+Shift+P) replaces a damaged copy; Void (Ctrl+Shift+D) ends it.</source>
        <translation>imprimé. Réimprimer (Ctrl+Maj+P) remplace un exemplaire abîmé&#xa0;; Invalider (Ctrl+Maj+D) y met fin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>handed to the holder.</source>
        <translation>remis au titulaire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no longer valid.</source>
        <translation>plus valable.</translation>
    </message>
    <message>
        <location filename="../../ui/issue_steps.py" line="+103"/>
        <source>{name} has no photo yet: a consular ID card needs one. Take or import it on the photo page first.</source>
        <translation>{name} n&apos;a pas encore de photo&#xa0;: une carte d&apos;identité consulaire en exige une. Prenez-la ou importez-la d&apos;abord sur la page Photo.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Recording the {kind} request…</source>
        <translation>Enregistrement de la demande ({kind})…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Submitting…</source>
        <translation>Soumission…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Numbering, sealing and signing…</source>
        <translation>Numérotation, scellement et signature…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reprint</source>
        <translation>Réimpression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print document {number} again (same number). Say why: it is kept in the document&apos;s history.</source>
        <translation>Imprimer de nouveau le document {number} (même numéro). Indiquez pourquoi&#xa0;: le motif est conservé dans l&apos;historique du document.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Chip written, read back and verified ({bytes} bytes of portrait).</source>
        <translation>Puce écrite, relue et vérifiée ({bytes} octets de portrait).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Encoding the chip: keep the card in the reader…</source>
        <translation>Encodage de la puce&#xa0;: laissez la carte dans le lecteur…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Spoiled copy</source>
        <translation>Exemplaire gâché</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record an unusable copy of document {number} (failed chip, damaged card). The document keeps its number.</source>
        <translation>Enregistrer un exemplaire inutilisable du document {number} (puce défectueuse, carte abîmée). Le document conserve son numéro.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Recording the spoiled copy…</source>
        <translation>Enregistrement de l&apos;exemplaire gâché…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Void document</source>
        <translation>Invalider le document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Void {kind} {number} for good. The number stays used and the reason is kept.</source>
        <translation>Invalider définitivement le document {number} ({kind}). Le numéro reste utilisé et le motif est conservé.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Voiding…</source>
        <translation>Invalidation…</translation>
    </message>
</context>
<context>
    <name>IssuePersonHeader</name>
    <message>
        <location filename="../../ui/issue_person_header.py" line="+43"/>
        <source>No person selected</source>
        <translation>Aucune personne sélectionnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find a person (Ctrl+F) to see their documents.</source>
        <translation>Recherchez une personne (Ctrl+F) pour voir ses documents.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no photo</source>
        <translation>pas de photo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No photo yet: a card needs one. Take or import it on the photo page.</source>
        <translation>Pas encore de photo&#xa0;: une carte en exige une. Prenez-la ou importez-la sur la page Photo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Photo of {date} (portrait {id}): new cards use it.</source>
        <translation>Photo du {date} (portrait {id})&#xa0;: les nouvelles cartes l&apos;utilisent.</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <location filename="../../ui/form_fields.py" line="-88"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../ui/lock_dialog.py" line="+153"/>
        <source>Workstation locked</source>
        <translation>Poste de travail verrouillé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked</source>
        <translation>Verrouillé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name} ({username}) is signed in. Type the password to go on where you left off, or sign out.</source>
        <translation>{name} ({username}) est connecté. Saisissez le mot de passe pour reprendre là où vous en étiez, ou déconnectez-vous.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+36"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Sign &amp;out</source>
        <translation>Se dé&amp;connecter</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Only {name} can unlock.</source>
        <translation>Seul(e) {name} peut déverrouiller.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wrong password. Try again, or sign out.</source>
        <translation>Mot de passe incorrect. Réessayez ou déconnectez-vous.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign {name} out? Windows left open are closed and work not saved in them is lost.</source>
        <translation>Déconnecter {name}&#xa0;? Les fenêtres restées ouvertes seront fermées et le travail non enregistré sera perdu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+145"/>
        <source>Consular workstation</source>
        <translation>Poste de travail consulaire</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{code} {name} – Consular workstation</source>
        <translation>{code} {name} – Poste de travail consulaire</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Database: {backend}</source>
        <translation>Base de données&#xa0;: {backend}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Registry</source>
        <translation>&amp;Registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Doc&amp;uments</source>
        <translation>Doc&amp;uments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Devices</source>
        <translation>&amp;Périphériques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Consular workstation {version}</source>
        <translation>Poste de travail consulaire {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Post: {code}, {name}, {city} (issuing state {state})
Database: {backend}, {url}</source>
        <translation>Poste&#xa0;: {code}, {name}, {city} (État de délivrance {state})
Base de données&#xa0;: {backend}, {url}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Qt {qt}</source>
        <translation>Qt {qt}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About the consular workstation</source>
        <translation>À propos du poste de travail consulaire</translation>
    </message>
</context>
<context>
    <name>MrzDialog</name>
    <message>
        <location filename="../../ui/mrz_dialog.py" line="-154"/>
        <source>Read an MRZ</source>
        <translation>Lire une MRZ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Type or paste the machine readable zone: 2 lines (passport) or 3 lines (identity card).</source>
        <translation>&amp;Saisissez ou collez la zone de lecture automatique (MRZ)&#xa0;: 2 lignes (passeport) ou 3 lignes (carte d&apos;identité).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Fill in the form</source>
        <translation>&amp;Remplir le formulaire</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Line {number}:</source>
        <translation>Ligne {number}&#xa0;:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>document number</source>
        <translation>numéro du document</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>birth date</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expiry date</source>
        <translation>date d&apos;expiration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>personal number</source>
        <translation>numéro personnel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>optional data</source>
        <translation>données facultatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the whole line (composite)</source>
        <translation>toute la ligne (chiffre composite)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{format} {code} of {state}: {surname}, {given}; {sex}, born {birth}, nationality {nationality}; number {number}, expires {expiry}.</source>
        <translation>{format} {code} de {state}&#xa0;: {surname}, {given}&#xa0;; {sex}, né(e) le {birth}, nationalité {nationality}&#xa0;; numéro {number}, expire le {expiry}.</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/photo_checks.py" line="+90"/>
        <source>Override a failed check</source>
        <translation>Déroger à un contrôle échoué</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;: measured {value}, limit {threshold}; {reason}.&lt;br&gt;Say why the photo is acceptable anyway. The justification is recorded with your name.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&#xa0;: mesure {value}, limite {threshold}&#xa0;; {reason}.&lt;br&gt;Indiquez pourquoi la photo est acceptable malgré tout. La justification est enregistrée avec votre nom.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Justification</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Override</source>
        <translation>&amp;Déroger</translation>
    </message>
</context>
<context>
    <name>PersonDetailsPanel</name>
    <message>
        <location filename="../../ui/person_details.py" line="+87"/>
        <source>&amp;Edit record…</source>
        <translation>Corriger la fich&amp;e…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct this person&apos;s record: names, birth, identifiers, address (Alt+E)</source>
        <translation>Corriger la fiche de cette personne&#xa0;: noms, naissance, pièces d&apos;identité, adresse (Alt+E)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Select a person in the results to see their record.</source>
        <translation>Sélectionnez une personne dans les résultats pour voir sa fiche.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Loading the record, documents and history…</source>
        <translation>Chargement de la fiche, des documents et de l&apos;historique…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The record could not be loaded.</source>
        <translation>La fiche n&apos;a pas pu être chargée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As written</source>
        <translation>Graphie d&apos;origine</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+138"/>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>Identifiers</source>
        <translation>Pièces d&apos;identité</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+138"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Registry ID</source>
        <translation>Identifiant au registre</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>female</source>
        <translation>féminin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>male</source>
        <translation>masculin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unspecified</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{date} in {place}</source>
        <translation>{date} à {place}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>Carte d&apos;identité nationale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consular ID</source>
        <translation>Carte d&apos;identité consulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residence permit</source>
        <translation>Titre de séjour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth registration</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No documents.</source>
        <translation>Aucun document.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+29"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No photo taken yet.</source>
        <translation>Aucune photo pour l&apos;instant.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+32"/>
        <source>document #{id}</source>
        <translation>document n° {id}</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>compliant</source>
        <translation>conforme</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} check(s) overridden</source>
        <translation>{count} contrôle(s) dérogé(s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Taken</source>
        <translation>Prise le</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used for</source>
        <translation>Utilisée pour</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Civil registration</source>
        <translation>État civil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No civil-registration entry.</source>
        <translation>Aucun acte d&apos;état civil.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register number</source>
        <translation>Numéro de registre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No recorded changes.</source>
        <translation>Aucune modification enregistrée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Surname</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surname (Latin)</source>
        <translation>Nom (caractères latins)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given names (Latin)</source>
        <translation>Prénoms (caractères latins)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country of birth</source>
        <translation>Pays de naissance</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>added to the registry</source>
        <translation>ajouté au registre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>record corrected</source>
        <translation>fiche corrigée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo taken</source>
        <translation>photo prise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo check overridden</source>
        <translation>dérogation à un contrôle de la photo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo used for a request</source>
        <translation>photo utilisée pour une demande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request created</source>
        <translation>demande créée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>portrait attached</source>
        <translation>portrait joint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request submitted</source>
        <translation>demande soumise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request approved</source>
        <translation>demande approuvée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>request rejected</source>
        <translation>demande rejetée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>numbered, sealed and signed</source>
        <translation>numéroté, scellé et signé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued</source>
        <translation>délivré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voided</source>
        <translation>invalidé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spoiled copy recorded</source>
        <translation>exemplaire gâché enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent to the printer</source>
        <translation>envoyé à l&apos;imprimante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print failed</source>
        <translation>échec de l&apos;impression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print cancelled</source>
        <translation>impression annulée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>print retried</source>
        <translation>impression relancée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed card spoiled</source>
        <translation>carte imprimée gâchée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chip encoded</source>
        <translation>puce encodée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chip encoding failed</source>
        <translation>échec de l&apos;encodage de la puce</translation>
    </message>
</context>
<context>
    <name>PersonFormPage</name>
    <message>
        <location filename="../../ui/person_form.py" line="+184"/>
        <source>Correction of a record: {name} (registry ID {id})</source>
        <translation>Correction d&apos;une fiche&#xa0;: {name} (identifiant au registre {id})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;MRZ…</source>
        <translation>&amp;MRZ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill in from a typed or pasted MRZ (Ctrl+M)</source>
        <translation>Remplir à partir d&apos;une MRZ saisie ou collée (Ctrl+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Passport chip…</source>
        <translation>Puce du pa&amp;sseport…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill in from a passport chip on the reader (Ctrl+Shift+R)</source>
        <translation>Remplir à partir de la puce d&apos;un passeport posé sur le lecteur (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No chip reader service is available</source>
        <translation>Aucun service de lecture de puce n&apos;est disponible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the form and add a new person (Alt+N)</source>
        <translation>Vider le formulaire et ajouter une nouvelle personne (Alt+N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F (female)</source>
        <translation>F (féminin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M (male)</source>
        <translation>M (masculin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X (unspecified)</source>
        <translation>X (non précisé)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Automatic: {latin}</source>
        <translation>Automatique&#xa0;: {latin}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the Latin form of the name</source>
        <translation>Saisissez la forme latine du nom</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Change what is wrong, then save (Ctrl+S).</source>
        <translation>Corrigez ce qui est inexact, puis enregistrez (Ctrl+S).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved: the record is corrected.</source>
        <translation>Enregistré&#xa0;: la fiche est corrigée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved. New (Alt+N) starts another person.</source>
        <translation>Enregistré. Nouveau (Alt+N) commence une autre personne.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Filled in from the chip: check against the applicant, then save.</source>
        <translation>Rempli à partir de la puce&#xa0;: vérifiez auprès du demandeur, puis enregistrez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filled in from the MRZ: check against the applicant, then save.</source>
        <translation>Rempli à partir de la MRZ&#xa0;: vérifiez auprès du demandeur, puis enregistrez.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Reading the chip… keep the passport on the reader.</source>
        <translation>Lecture de la puce… laissez le passeport sur le lecteur.</translation>
    </message>
</context>
<context>
    <name>PersonSearchPanel</name>
    <message>
        <location filename="../../ui/person_search_panel.py" line="+138"/>
        <source>&amp;Find:</source>
        <translation>N&amp;om&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any part of any name, any spelling (Ctrl+F)</source>
        <translation>N&apos;importe quelle partie d&apos;un nom, quelle que soit la graphie (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Born:</source>
        <translation>Naiss&amp;ance&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth year, year and month, or full date</source>
        <translation>Année de naissance, année et mois, ou date complète</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Type a name to search the registry.</source>
        <translation>Saisissez un nom pour rechercher dans le registre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the first {count} persons found: type more of the name or add the birth date to narrow the search.</source>
        <translation>Affichage des {count} premières personnes trouvées&#xa0;: complétez le nom ou ajoutez la date de naissance pour affiner la recherche.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No person found.</source>
        <translation>Aucune personne trouvée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Persons found: {count}</source>
        <translation>Personnes trouvées&#xa0;: {count}</translation>
    </message>
</context>
<context>
    <name>PersonSearchTableModel</name>
    <message>
        <location filename="../../ui/person_table_model.py" line="+39"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As written</source>
        <translation>Graphie d&apos;origine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Born</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>Identifiant</translation>
    </message>
</context>
<context>
    <name>PhotoPage</name>
    <message>
        <location filename="../../ui/photo_page.py" line="+125"/>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Portrait (as printed)</source>
        <translation>Portrait (tel qu&apos;imprimé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Take photo (Space)</source>
        <translation>Pho&amp;tographier (Espace)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import file… (Ctrl+O)</source>
        <translation>&amp;Importer… (Ctrl+O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Override… (Ctrl+J)</source>
        <translation>&amp;Déroger… (Ctrl+J)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Use this photo (Ctrl+Enter)</source>
        <translation>Utiliser cette p&amp;hoto (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Take or import a photo.</source>
        <translation>Prenez ou importez une photo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The automatic crop appears here.</source>
        <translation>Le recadrage automatique s&apos;affiche ici.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Taking the photo…</source>
        <translation>Prise de la photo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import a photo</source>
        <translation>Importer une photo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checking the photo…</source>
        <translation>Contrôle de la photo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the chip portrait…</source>
        <translation>Contrôle du portrait de la puce…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Checking the adjusted photo…</source>
        <translation>Contrôle de la photo ajustée…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No portrait: no face was found.</source>
        <translation>Pas de portrait&#xa0;: aucun visage n&apos;a été trouvé.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This check passed: there is nothing to override.</source>
        <translation>Ce contrôle est réussi&#xa0;: aucune dérogation n&apos;est nécessaire.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open or save the person first.</source>
        <translation>Ouvrez ou enregistrez d&apos;abord la personne.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Storing the photo…</source>
        <translation>Enregistrement de la photo…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Photo stored.</source>
        <translation>Photo enregistrée.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Every check passed.</source>
        <translation>Tous les contrôles sont réussis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every failed check is overridden with a justification.</source>
        <translation>Chaque contrôle échoué fait l&apos;objet d&apos;une dérogation justifiée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{count} check(s) failed: take another photo, adjust it, or override each with a justification.</source>
        <translation>{count} contrôle(s) échoué(s)&#xa0;: prenez une autre photo, ajustez-la ou dérogez à chacun avec une justification.</translation>
    </message>
</context>
<context>
    <name>PrintJobActions</name>
    <message>
        <location filename="../../ui/print_job_actions.py" line="+77"/>
        <source>Trying job {id} again…</source>
        <translation>Nouvelle tentative du travail {id}…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Card spoiled</source>
        <translation>Carte gâchée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card (or sheet) of job {id} is unusable. It is counted against the blank stock; the document keeps its number and can be printed again (Retry).</source>
        <translation>La carte (ou la feuille) du travail {id} est inutilisable. Elle est décomptée du stock vierge&#xa0;; le document conserve son numéro et peut être imprimé de nouveau (Réessayer).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Printed by hand</source>
        <translation>Imprimé à la main</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm that document {number} was printed outside this job (another printer, another computer). It becomes issued.</source>
        <translation>Confirmez que le document {number} a été imprimé en dehors de ce travail (autre imprimante, autre ordinateur). Il devient délivré.</translation>
    </message>
</context>
<context>
    <name>PrintPanel</name>
    <message>
        <location filename="../../ui/print_panel.py" line="+135"/>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retr&amp;y</source>
        <translation>Réessa&amp;yer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel &amp;job</source>
        <translation>Annuler la tâc&amp;he</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card &amp;spoiled…</source>
        <translation>Carte &amp;gâchée…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed by ha&amp;nd…</source>
        <translation>Imprimé à la mai&amp;n…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Asking the printer about job {id}…</source>
        <translation>Interrogation de l&apos;imprimante sur le travail {id}…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Sending to {queue}…</source>
        <translation>Envoi vers {queue}…</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+139"/>
        <source>No print job for this document yet.</source>
        <extracomment>How long one follow may poll (a card takes about a second; an A4 page a few).</extracomment>
        <translation>Aucun travail d&apos;impression pour ce document pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../ui/print_job_text.py" line="+21"/>
        <source>waiting in the queue</source>
        <translation>en attente dans la file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printing</source>
        <translation>impression en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed</source>
        <translation>imprimé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spoiled</source>
        <translation>gâché</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reprint</source>
        <translation>réimpression</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>print</source>
        <translation>impression</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job {id} ({purpose}, attempt {attempt}) on {queue}: {state}.</source>
        <translation>Travail {id} ({purpose}, tentative {attempt}) sur {queue}&#xa0;: {state}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source> (printer says: {detail})</source>
        <translation> (message de l&apos;imprimante&#xa0;: {detail})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason: {reason}</source>
        <translation>Motif&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>QueueChooser</name>
    <message>
        <location filename="../../ui/queue_chooser.py" line="+80"/>
        <source>Printer &amp;queue:</source>
        <translation>File d&apos;impressi&amp;on&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The post&apos;s queue for this document, another print queue, or a queue name</source>
        <translation>La file du poste pour ce document, une autre file d&apos;impression ou le nom d&apos;une file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the printers and their states again (F5)</source>
        <translation>Lister de nouveau les imprimantes et leur état (F5)</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>the post&apos;s card printer</source>
        <translation>imprimante de cartes du poste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the post&apos;s A4 printer</source>
        <translation>imprimante A4 du poste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>into a folder</source>
        <translation>dans un dossier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printing</source>
        <translation>impression en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped</source>
        <translation>arrêtée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{state}, not accepting jobs</source>
        <translation>{state}, n&apos;accepte pas de travaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{state}: {reason}</source>
        <translation>{state}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not known to the print service</source>
        <translation>inconnue du service d&apos;impression</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>state unknown ({why})</source>
        <translation>état inconnu ({why})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>state unknown</source>
        <translation>état inconnu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The printer says: {reason}</source>
        <translation>L&apos;imprimante indique&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>RegistrationFormPage</name>
    <message>
        <location filename="../../ui/civil_register_form.py" line="+226"/>
        <source>Type the date of the event to see whether the registration is on time.</source>
        <translation>Saisissez la date de l&apos;événement pour savoir si la déclaration est faite dans les délais.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registration rules are being read…</source>
        <translation>Lecture des règles d&apos;enregistrement…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&lt;b&gt;On time&lt;/b&gt; (registered by {until}): final when saved.</source>
        <translation>&lt;b&gt;Dans les délais&lt;/b&gt; (enregistrement jusqu&apos;au {until})&#xa0;: définitif dès l&apos;enregistrement.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;Late&lt;/b&gt; (the legal period ended on {until}): more evidence is needed, and a supervisor approves the entry.</source>
        <translation>&lt;b&gt;Tardif&lt;/b&gt; (le délai légal a expiré le {until})&#xa0;: des justificatifs supplémentaires sont nécessaires et un superviseur approuve l&apos;acte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Delayed&lt;/b&gt; (more than a year: the late period ended on {late}): the fullest evidence is needed, and a supervisor approves the entry.</source>
        <translation>&lt;b&gt;Très tardif&lt;/b&gt; (plus d&apos;un an&#xa0;: la période de déclaration tardive a expiré le {late})&#xa0;: les justificatifs les plus complets sont nécessaires et un superviseur approuve l&apos;acte.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Evidence presented:</source>
        <translation>Justificatifs présentés&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>One of:</source>
        <translation>L&apos;un des suivants&#xa0;:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Register a birth</source>
        <translation>Enregistrer une naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a marriage</source>
        <translation>Enregistrer un mariage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register a death</source>
        <translation>Enregistrer un décès</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Timeliness and evidence</source>
        <translation>Délai et justificatifs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register the entry (Ctrl+S or Enter)</source>
        <translation>Enregistrer l&apos;acte (Ctrl+S ou Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the form for another entry</source>
        <translation>Vider le formulaire pour un autre acte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Register &amp;anyway</source>
        <translation>Enregistrer &amp;quand même</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also add the &amp;child to the person registry</source>
        <translation>Inscrire aussi l&apos;enfant au re&amp;gistre</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Registered as {number}: waiting for a supervisor&apos;s approval.</source>
        <translation>Enregistré sous le numéro {number}&#xa0;: en attente de l&apos;approbation d&apos;un superviseur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registered as {number}.</source>
        <translation>Enregistré sous le numéro {number}.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not registered: see the fields marked in red.</source>
        <translation>Non enregistré&#xa0;: voir les champs signalés en rouge.</translation>
    </message>
</context>
<context>
    <name>SessionHeader</name>
    <message>
        <location filename="../../ui/session_header.py" line="+60"/>
        <source>{city} · issuing state {state}</source>
        <translation>{city} · État de délivrance {state}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{roles} · user name {user}</source>
        <translation>{roles} · nom d&apos;utilisateur {user}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrar</source>
        <translation>Officier d&apos;état civil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/sign_in_page.py" line="+199"/>
        <source>Consular workstation</source>
        <translation>Poste de travail consulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening the post&apos;s records…</source>
        <translation>Ouverture des registres du poste…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{code} · {city} · issuing state {state}</source>
        <translation>{code} · {city} · État de délivrance {state}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;User name:</source>
        <translation>&amp;Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The post&apos;s records cannot be opened.</source>
        <translation>Les registres du poste ne peuvent pas être ouverts.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing in once the records are open…</source>
        <translation>Connexion dès l&apos;ouverture des registres…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type your user name.</source>
        <translation>Saisissez votre nom d&apos;utilisateur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your password.</source>
        <translation>Saisissez votre mot de passe.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <location filename="../../ui/workspace.py" line="+236"/>
        <source>&amp;Find person</source>
        <translation>&amp;Rechercher une personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check devices again</source>
        <translation>&amp;Vérifier de nouveau les périphériques</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Detai&amp;ls</source>
        <translation>Détai&amp;ls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Docu&amp;ments</source>
        <translation>Docu&amp;ments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New person</source>
        <translation>Nouvelle personne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;pprovals</source>
        <translation>Appro&amp;bations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Civil re&amp;gister</source>
        <translation>État ci&amp;vil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show {page}</source>
        <translation>Afficher {page}</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Photo stored: new requests use it.</source>
        <translation>Photo enregistrée&#xa0;: les nouvelles demandes l&apos;utilisent.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Person saved (registry ID {id}).</source>
        <translation>Personne enregistrée (identifiant au registre {id}).</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../app.py" line="+76"/>
        <source>This workstation is not set up yet: there is no site configuration in
{folder}

To try it with a demonstration post and accounts, run:

    consular --data-dir &quot;{folder}&quot; init --demo

then start the workstation again.</source>
        <translation>Ce poste de travail n&apos;est pas encore configuré&#xa0;: il n&apos;y a pas de configuration de site dans
{folder}

Pour l&apos;essayer avec un poste et des comptes de démonstration, exécutez&#xa0;:

    consular --data-dir &quot;{folder}&quot; init --demo

puis redémarrez le poste de travail.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The site configuration cannot be used:
{path}

Setting: {key}
Problem: {problem}

Correct the file (or ask your IT support) and start again.</source>
        <translation>La configuration du site est inutilisable&#xa0;:
{path}

Paramètre&#xa0;: {key}
Problème&#xa0;: {problem}

Corrigez le fichier (ou adressez-vous à votre support informatique) et redémarrez.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{problem}

Data folder: {folder}

To set up a demonstration post, run:

    consular --data-dir &quot;{folder}&quot; init --demo</source>
        <translation>{problem}

Dossier des données&#xa0;: {folder}

Pour configurer un poste de démonstration, exécutez&#xa0;:

    consular --data-dir &quot;{folder}&quot; init --demo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The post database cannot be opened. Check the network connection and try again; if it keeps happening, tell your IT support (the details are in the log).</source>
        <translation>La base de données du poste ne peut pas être ouverte. Vérifiez la connexion réseau et réessayez&#xa0;; si le problème persiste, prévenez votre support informatique (les détails figurent dans le journal).</translation>
    </message>
</context>
<context>
    <name>civil_register</name>
    <message>
        <location filename="../../ui/civil_register_html.py" line="+32"/>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of birth</source>
        <translation>Heure de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mother</source>
        <translation>La mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Father</source>
        <translation>Le père</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parents married</source>
        <translation>Parents mariés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declared by</source>
        <translation>Déclaré par</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paternity recognised</source>
        <translation>Paternité reconnue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Foundling</source>
        <translation>Enfant trouvé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spouses</source>
        <translation>Époux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of marriage</source>
        <translation>Date du mariage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Celebrant</source>
        <translation>Officiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witnesses</source>
        <translation>Témoins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Property regime</source>
        <translation>Régime matrimonial</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dissolved on</source>
        <translation>Dissous le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deceased</source>
        <translation>Défunt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of death</source>
        <translation>Heure du décès</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cause (reference)</source>
        <translation>Cause (référence)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered on</source>
        <translation>Enregistré le</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Assessed again after annotation {sequence}; when registered: {before}</source>
        <translation>Réévaluée après la mention {sequence}&#xa0;; lors de l&apos;enregistrement&#xa0;: {before}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Missing for a decision:</source>
        <translation>Manquant pour statuer&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referral:</source>
        <translation>Signalement&#xa0;:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Required</source>
        <translation>Exigée</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Presented</source>
        <translation>Présentée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Missing</source>
        <translation>Manquante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Evidence</source>
        <translation>Justificatifs</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Annotations</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Possible duplicate of: {numbers}</source>
        <translation>Doublon possible de&#xa0;: {numbers}</translation>
    </message>
    <message>
        <location filename="../../ui/civil_register_list.py" line="+46"/>
        <source>referred</source>
        <translation>signalé</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Register number</source>
        <translation>Numéro de registre</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event date</source>
        <translation>Date de l&apos;événement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timeliness</source>
        <translation>Délai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../ui/civil_register_texts.py" line="+39"/>
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Correction</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recognition of paternity</source>
        <translation>Reconnaissance de paternité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pending approval</source>
        <translation>En attente d&apos;approbation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>On time</source>
        <translation>Dans les délais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Late</source>
        <translation>Tardif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delayed</source>
        <translation>Très tardif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Local birth certificate</source>
        <translation>Acte de naissance local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local marriage certificate</source>
        <translation>Acte de mariage local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local death certificate</source>
        <translation>Acte de décès local</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parents&apos; identity documents</source>
        <translation>Pièces d&apos;identité des parents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spouses&apos; identity documents</source>
        <translation>Pièces d&apos;identité des époux</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Identity document of the deceased</source>
        <translation>Pièce d&apos;identité du défunt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Proof of the parents&apos; nationality</source>
        <translation>Preuve de la nationalité des parents</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Written reason for the delay</source>
        <translation>Motif écrit du retard</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hospital record</source>
        <translation>Document de l&apos;hôpital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Midwife&apos;s declaration</source>
        <translation>Déclaration de la sage-femme</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baptism record</source>
        <translation>Acte de baptême</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child&apos;s identity document</source>
        <translation>Pièce d&apos;identité de l&apos;enfant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School record</source>
        <translation>Certificat de scolarité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical record</source>
        <translation>Dossier médical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Witness declaration</source>
        <translation>Déclaration de témoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Burial or cremation record</source>
        <translation>Attestation d&apos;inhumation ou de crémation</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Acquires at birth: {nationalities}</source>
        <translation>Acquiert à la naissance&#xa0;: {nationalities}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No nationality established yet: evidence needed</source>
        <translation>Aucune nationalité encore établie&#xa0;: justificatifs nécessaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At risk of statelessness</source>
        <translation>Risque d&apos;apatridie</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Already registered as {number} ({reasons}): nothing was written.</source>
        <translation>Déjà enregistré sous le numéro {number} ({reasons})&#xa0;: rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This may be the event registered as {number} ({reasons}). Compare with the entry shown; if it is another event, Register anyway (Alt+A). Nothing was written.</source>
        <translation>Il s&apos;agit peut-être de l&apos;événement enregistré sous le numéro {number} ({reasons}). Comparez avec l&apos;acte affiché&#xa0;; s&apos;il s&apos;agit d&apos;un autre événement, choisissez Enregistrer quand même (Alt+Q). Rien n&apos;a été enregistré.</translation>
    </message>
    <message>
        <location filename="../../ui/civil_register_dialogs.py" line="+18"/>
        <source>Already in the register: {number}</source>
        <translation>Déjà au registre&#xa0;: {number}</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <location filename="../../ui/document_table_model.py" line="+25"/>
        <source>Consular ID card</source>
        <translation>Carte d&apos;identité consulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Emergency travel document</source>
        <translation>Titre de voyage d&apos;urgence</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted</source>
        <translation>soumis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>approved</source>
        <translation>approuvé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>produced (not printed yet)</source>
        <translation>produit (pas encore imprimé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued</source>
        <translation>délivré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>remis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>voided</source>
        <translation>invalidé</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> · {count} spoiled</source>
        <extracomment>Text colours for states (dark enough on white for WCAG AA).</extracomment>
        <translation> · {count} gâché(s)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Document</source>
        <extracomment>The columns but the detail (the model&apos;s own: it asks ``describe``).</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued</source>
        <translation>Délivré le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Detail</source>
        <translation>Détail</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>to {destination}</source>
        <translation>à destination de {destination}</translation>
    </message>
</context>
<context>
    <name>form:annotation_birth_adoption</name>
    <message>
        <location filename="../../../forms/annotation_birth_adoption.toml" line="+6"/>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the adoption order</source>
        <translation>Date du jugement d&apos;adoption</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Court or authority</source>
        <translation>Tribunal ou autorité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Who ordered the adoption.</source>
        <translation>L&apos;autorité qui a prononcé l&apos;adoption.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As it will read in the entry.</source>
        <translation>Tel qu&apos;il figurera dans l&apos;acte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adoptive mother&apos;s surname</source>
        <translation>Nom de la mère adoptive</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive mother&apos;s given names</source>
        <translation>Prénoms de la mère adoptive</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive mother&apos;s date of birth</source>
        <translation>Date de naissance de la mère adoptive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adoptive mother&apos;s country of birth</source>
        <translation>Pays de naissance de la mère adoptive</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adoptive mother&apos;s nationality</source>
        <translation>Nationalité de la mère adoptive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the time of the birth. XXA stateless, XXB/XXC refugee, XXX unknown.</source>
        <translation>Au moment de la naissance. XXA apatride, XXB/XXC réfugié, XXX inconnue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adoptive mother&apos;s nationality shown by</source>
        <translation>Nationalité de la mère adoptive attestée par</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>National ID</source>
        <translation>Carte d&apos;identité nationale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nationality certificate</source>
        <translation>Certificat de nationalité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Naturalisation certificate</source>
        <translation>Certificat de naturalisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consular registration</source>
        <translation>Immatriculation consulaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth certificate</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statelessness determination</source>
        <translation>Reconnaissance du statut d&apos;apatride</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refugee document</source>
        <translation>Document de réfugié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive mother&apos;s nationality document number</source>
        <translation>N° du document de nationalité (mère adoptive)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adoptive father&apos;s surname</source>
        <translation>Nom du père adoptif</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive father&apos;s given names</source>
        <translation>Prénoms du père adoptif</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive father&apos;s date of birth</source>
        <translation>Date de naissance du père adoptif</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive father&apos;s country of birth</source>
        <translation>Pays de naissance du père adoptif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Adoptive father&apos;s nationality</source>
        <translation>Nationalité du père adoptif</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Adoptive father&apos;s nationality shown by</source>
        <translation>Nationalité du père adoptif attestée par</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Adoptive father&apos;s nationality document number</source>
        <translation>N° du document de nationalité (père adoptif)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adoptive parents married to each other</source>
        <translation>Parents adoptifs mariés l&apos;un à l&apos;autre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Married</source>
        <translation>Mariés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not married</source>
        <translation>Non mariés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>form:annotation_birth_change_of_name</name>
    <message>
        <location filename="../../../forms/annotation_birth_change_of_name.toml" line="+5"/>
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the decision</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who decided the change of name.</source>
        <translation>L&apos;autorité qui a décidé le changement de nom.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As it will read in the entry.</source>
        <translation>Tel qu&apos;il figurera dans l&apos;acte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Child&apos;s new surname</source>
        <translation>Nouveau nom de l&apos;enfant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty when the surname stays.</source>
        <translation>Vide si le nom reste le même.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Child&apos;s new given names</source>
        <translation>Nouveaux prénoms de l&apos;enfant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty when the given names stay.</source>
        <translation>Vide si les prénoms restent les mêmes.</translation>
    </message>
</context>
<context>
    <name>form:annotation_birth_correction</name>
    <message>
        <location filename="../../../forms/annotation_birth_correction.toml" line="+5"/>
        <source>Correction</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the decision</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who decided the correction (the registrar, a court).</source>
        <translation>L&apos;autorité qui a décidé la rectification (l&apos;officier d&apos;état civil, un tribunal).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was wrong, e.g. Given names misspelt on registration.</source>
        <translation>Ce qui était erroné, par exemple Prénoms mal orthographiés lors de l&apos;enregistrement.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Child&apos;s surname</source>
        <translation>Nom de l&apos;enfant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Child&apos;s given names</source>
        <translation>Prénoms de l&apos;enfant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time of birth</source>
        <translation>Heure de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HH:MM, 24-hour clock.</source>
        <translation>HH:MM, sur 24 heures.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Country of birth</source>
        <translation>Pays de naissance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mother&apos;s surname</source>
        <translation>Nom de la mère</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mother&apos;s given names</source>
        <translation>Prénoms de la mère</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s surname</source>
        <translation>Nom du père</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s given names</source>
        <translation>Prénoms du père</translation>
    </message>
</context>
<context>
    <name>form:annotation_birth_recognition_of_paternity</name>
    <message>
        <location filename="../../../forms/annotation_birth_recognition_of_paternity.toml" line="+6"/>
        <source>Recognition of paternity</source>
        <translation>Reconnaissance de paternité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the recognition</source>
        <translation>Date de la reconnaissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Received by</source>
        <translation>Reçue par</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The authority before which the father recognised the child (consul, notary, court).</source>
        <translation>L&apos;autorité devant laquelle le père a reconnu l&apos;enfant (consul, notaire, tribunal).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As it will read in the entry, e.g. The father recognised the child before the consul.</source>
        <translation>Tel qu&apos;il figurera dans l&apos;acte, par exemple Le père a reconnu l&apos;enfant devant le consul.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Father&apos;s surname</source>
        <translation>Nom du père</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Father&apos;s given names</source>
        <translation>Prénoms du père</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s date of birth</source>
        <translation>Date de naissance du père</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Father&apos;s country of birth</source>
        <translation>Pays de naissance du père</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Father&apos;s nationality</source>
        <translation>Nationalité du père</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the time of the birth. XXA stateless, XXB/XXC refugee, XXX unknown.</source>
        <translation>Au moment de la naissance. XXA apatride, XXB/XXC réfugié, XXX inconnue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Father&apos;s nationality shown by</source>
        <translation>Nationalité du père attestée par</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>National ID</source>
        <translation>Carte d&apos;identité nationale</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nationality certificate</source>
        <translation>Certificat de nationalité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Naturalisation certificate</source>
        <translation>Certificat de naturalisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consular registration</source>
        <translation>Immatriculation consulaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth certificate</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statelessness determination</source>
        <translation>Reconnaissance du statut d&apos;apatride</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refugee document</source>
        <translation>Document de réfugié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s nationality document number</source>
        <translation>N° du document de nationalité (père)</translation>
    </message>
</context>
<context>
    <name>form:annotation_death_correction</name>
    <message>
        <location filename="../../../forms/annotation_death_correction.toml" line="+5"/>
        <source>Correction</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the decision</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who decided the correction (the registrar, a court).</source>
        <translation>L&apos;autorité qui a décidé la rectification (l&apos;officier d&apos;état civil, un tribunal).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was wrong.</source>
        <translation>Ce qui était erroné.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Surname of the deceased</source>
        <translation>Nom du défunt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Given names of the deceased</source>
        <translation>Prénoms du défunt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time of death</source>
        <translation>Heure du décès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HH:MM, 24-hour clock.</source>
        <translation>HH:MM, sur 24 heures.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Country of death</source>
        <translation>Pays du décès</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Place of death</source>
        <translation>Lieu du décès</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cause of death (reference)</source>
        <translation>Cause du décès (référence)</translation>
    </message>
</context>
<context>
    <name>form:annotation_marriage_change_of_name</name>
    <message>
        <location filename="../../../forms/annotation_marriage_change_of_name.toml" line="+5"/>
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the decision</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who decided or received the change of name.</source>
        <translation>L&apos;autorité qui a décidé ou reçu le changement de nom.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As it will read in the entry.</source>
        <translation>Tel qu&apos;il figurera dans l&apos;acte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First spouse: surname now used</source>
        <translation>Époux 1&#xa0;: nom désormais porté</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second spouse: surname now used</source>
        <translation>Époux 2&#xa0;: nom désormais porté</translation>
    </message>
</context>
<context>
    <name>form:annotation_marriage_correction</name>
    <message>
        <location filename="../../../forms/annotation_marriage_correction.toml" line="+5"/>
        <source>Correction</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the decision</source>
        <translation>Date de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who decided the correction (the registrar, a court).</source>
        <translation>L&apos;autorité qui a décidé la rectification (l&apos;officier d&apos;état civil, un tribunal).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What was wrong.</source>
        <translation>Ce qui était erroné.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of marriage</source>
        <translation>Date du mariage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Country of marriage</source>
        <translation>Pays du mariage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Place of marriage</source>
        <translation>Lieu du mariage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First spouse: surname before the marriage</source>
        <translation>Époux 1&#xa0;: nom avant le mariage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First spouse: given names</source>
        <translation>Époux 1&#xa0;: prénoms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second spouse: surname before the marriage</source>
        <translation>Époux 2&#xa0;: nom avant le mariage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second spouse: given names</source>
        <translation>Époux 2&#xa0;: prénoms</translation>
    </message>
</context>
<context>
    <name>form:annotation_marriage_divorce</name>
    <message>
        <location filename="../../../forms/annotation_marriage_divorce.toml" line="+5"/>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of the divorce judgment</source>
        <translation>Date du jugement de divorce</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD.</source>
        <translation>AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The court that pronounced the divorce.</source>
        <translation>Le tribunal qui a prononcé le divorce.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reference of the decision</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The judgment&apos;s or declaration&apos;s number, when it has one.</source>
        <translation>Le numéro du jugement ou de la déclaration, s&apos;il en a un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As it will read in the entry, e.g. Divorce pronounced by the court.</source>
        <translation>Tel qu&apos;il figurera dans l&apos;acte, par exemple Divorce prononcé par le tribunal.</translation>
    </message>
</context>
<context>
    <name>form:birth_registration</name>
    <message>
        <location filename="../../../forms/birth_registration.toml" line="+6"/>
        <source>Birth registration</source>
        <translation>Déclaration de naissance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Child&apos;s surname (as written)</source>
        <translation>Nom de l&apos;enfant (graphie d&apos;origine)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Child&apos;s given names</source>
        <translation>Prénoms de l&apos;enfant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD. Decides whether the registration is on time, late or delayed.</source>
        <translation>AAAA-MM-JJ. Détermine si la déclaration est faite dans les délais, tardive ou très tardive.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time of birth</source>
        <translation>Heure de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HH:MM, 24-hour clock; empty when not known.</source>
        <translation>HH:MM, sur 24 heures&#xa0;; vide si elle n&apos;est pas connue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Country of birth</source>
        <translation>Pays de naissance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Town and hospital as written on the local certificate.</source>
        <translation>Ville et établissement tels qu&apos;inscrits sur l&apos;acte local.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mother&apos;s surname</source>
        <translation>Nom de la mère</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mother&apos;s given names</source>
        <translation>Prénoms de la mère</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mother&apos;s date of birth</source>
        <translation>Date de naissance de la mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mother&apos;s country of birth</source>
        <translation>Pays de naissance de la mère</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mother&apos;s nationality</source>
        <translation>Nationalité de la mère</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the time of the birth. XXA stateless, XXB/XXC refugee, XXX unknown.</source>
        <translation>Au moment de la naissance. XXA apatride, XXB/XXC réfugié, XXX inconnue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mother&apos;s nationality shown by</source>
        <translation>Nationalité de la mère attestée par</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mother&apos;s nationality document number</source>
        <translation>N° du document de nationalité (mère)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nationality certificate</source>
        <translation>Certificat de nationalité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Naturalisation certificate</source>
        <translation>Certificat de naturalisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>National ID</source>
        <translation>Carte d&apos;identité nationale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consular registration</source>
        <translation>Immatriculation consulaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth certificate</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statelessness determination</source>
        <translation>Reconnaissance du statut d&apos;apatride</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refugee document</source>
        <translation>Document de réfugié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Father&apos;s surname</source>
        <translation>Nom du père</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s given names</source>
        <translation>Prénoms du père</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s date of birth</source>
        <translation>Date de naissance du père</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s country of birth</source>
        <translation>Pays de naissance du père</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Father&apos;s nationality</source>
        <translation>Nationalité du père</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Father&apos;s nationality shown by</source>
        <translation>Nationalité du père attestée par</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Father&apos;s nationality document number</source>
        <translation>N° du document de nationalité (père)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parents married to each other</source>
        <translation>Parents mariés l&apos;un à l&apos;autre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Married</source>
        <translation>Mariés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not married</source>
        <translation>Non mariés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Declared by</source>
        <translation>Déclaré par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mother</source>
        <translation>La mère</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Father</source>
        <translation>Le père</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relative</source>
        <translation>Un parent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Institution</source>
        <translation>Un établissement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Informant&apos;s surname</source>
        <translation>Nom du déclarant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty when the mother or father declares: their names are taken.</source>
        <translation>Vide lorsque la mère ou le père déclare&#xa0;: ses nom et prénoms sont repris.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Informant&apos;s given names</source>
        <translation>Prénoms du déclarant</translation>
    </message>
</context>
<context>
    <name>form:death_registration</name>
    <message>
        <location filename="../../../forms/death_registration.toml" line="+7"/>
        <source>Death registration</source>
        <translation>Déclaration de décès</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Surname of the deceased</source>
        <translation>Nom du défunt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Given names of the deceased</source>
        <translation>Prénoms du défunt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD. Decides whether the registration is on time, late or delayed.</source>
        <translation>AAAA-MM-JJ. Détermine si la déclaration est faite dans les délais, tardive ou très tardive.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time of death</source>
        <translation>Heure du décès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HH:MM, 24-hour clock; empty when not known.</source>
        <translation>HH:MM, sur 24 heures&#xa0;; vide si elle n&apos;est pas connue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Country of death</source>
        <translation>Pays du décès</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Place of death</source>
        <translation>Lieu du décès</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Town and hospital as written on the local certificate.</source>
        <translation>Ville et établissement tels qu&apos;inscrits sur l&apos;acte local.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cause of death (reference)</source>
        <translation>Cause du décès (référence)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The medical certificate&apos;s number or code; not the cause itself.</source>
        <translation>Le numéro ou le code du certificat médical&#xa0;; pas la cause elle-même.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Declared by</source>
        <translation>Déclaré par</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spouse</source>
        <translation>Le conjoint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relative</source>
        <translation>Un parent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Institution</source>
        <translation>Un établissement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Informant&apos;s surname</source>
        <translation>Nom du déclarant</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Informant&apos;s given names</source>
        <translation>Prénoms du déclarant</translation>
    </message>
</context>
<context>
    <name>form:etd_request</name>
    <message>
        <location filename="../../../forms/etd_request.toml" line="+3"/>
        <source>Emergency travel document</source>
        <translation>Titre de voyage d&apos;urgence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The place the holder travels to (usually the home country&apos;s capital).</source>
        <translation>Le lieu où se rend le titulaire (en général la capitale du pays d&apos;origine).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transit points</source>
        <translation>Points de transit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Airports or countries on the way, separated by commas; empty for a direct journey.</source>
        <translation>Aéroports ou pays traversés, séparés par des virgules&#xa0;; vide pour un trajet direct.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Passport replaced</source>
        <translation>Passeport remplacé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its number and what happened to it (lost, stolen, expired).</source>
        <translation>Son numéro et ce qu&apos;il est devenu (perdu, volé, expiré).</translation>
    </message>
</context>
<context>
    <name>form:marriage_registration</name>
    <message>
        <location filename="../../../forms/marriage_registration.toml" line="+7"/>
        <source>Marriage registration</source>
        <translation>Déclaration de mariage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Date of marriage</source>
        <translation>Date du mariage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD. Decides whether the registration is on time, late or delayed.</source>
        <translation>AAAA-MM-JJ. Détermine si la déclaration est faite dans les délais, tardive ou très tardive.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Country of marriage</source>
        <translation>Pays du mariage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Place of marriage</source>
        <translation>Lieu du mariage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Town and office as written on the local certificate.</source>
        <translation>Ville et bureau tels qu&apos;inscrits sur l&apos;acte local.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authority</source>
        <translation>Autorité</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The office that celebrated the marriage (e.g. the local registry office).</source>
        <translation>Le service qui a célébré le mariage (par exemple l&apos;état civil local).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Celebrant</source>
        <translation>Officiant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Who celebrated the marriage, as written.</source>
        <translation>La personne qui a célébré le mariage, telle qu&apos;inscrite.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First spouse: surname before the marriage</source>
        <translation>Époux 1&#xa0;: nom avant le mariage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First spouse: given names</source>
        <translation>Époux 1&#xa0;: prénoms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First spouse: surname after the marriage</source>
        <translation>Époux 1&#xa0;: nom après le mariage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty when it does not change.</source>
        <translation>Vide s&apos;il ne change pas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First spouse: date of birth</source>
        <translation>Époux 1&#xa0;: date de naissance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First spouse: country of birth</source>
        <translation>Époux 1&#xa0;: pays de naissance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First spouse: place of birth</source>
        <translation>Époux 1&#xa0;: lieu de naissance</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First spouse: nationality</source>
        <translation>Époux 1&#xa0;: nationalité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XXA stateless, XXB/XXC refugee, XXX unknown.</source>
        <translation>XXA apatride, XXB/XXC réfugié, XXX inconnue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First spouse: nationality shown by</source>
        <translation>Époux 1&#xa0;: nationalité attestée par</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Passport</source>
        <translation>Passeport</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nationality certificate</source>
        <translation>Certificat de nationalité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Naturalisation certificate</source>
        <translation>Certificat de naturalisation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>National ID</source>
        <translation>Carte d&apos;identité nationale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Consular registration</source>
        <translation>Immatriculation consulaire</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Birth certificate</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statelessness determination</source>
        <translation>Reconnaissance du statut d&apos;apatride</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refugee document</source>
        <translation>Document de réfugié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Declaration</source>
        <translation>Déclaration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First spouse: nationality document number</source>
        <translation>Époux 1&#xa0;: n° du document de nationalité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First spouse: previous marital status</source>
        <translation>Époux 1&#xa0;: situation antérieure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never married</source>
        <translation>Jamais marié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Divorced</source>
        <translation>Divorcé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Widowed</source>
        <translation>Veuf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annulled</source>
        <translation>Mariage annulé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Second spouse: surname before the marriage</source>
        <translation>Époux 2&#xa0;: nom avant le mariage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Second spouse: given names</source>
        <translation>Époux 2&#xa0;: prénoms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second spouse: surname after the marriage</source>
        <translation>Époux 2&#xa0;: nom après le mariage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Second spouse: date of birth</source>
        <translation>Époux 2&#xa0;: date de naissance</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second spouse: country of birth</source>
        <translation>Époux 2&#xa0;: pays de naissance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Second spouse: place of birth</source>
        <translation>Époux 2&#xa0;: lieu de naissance</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Second spouse: nationality</source>
        <translation>Époux 2&#xa0;: nationalité</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second spouse: nationality shown by</source>
        <translation>Époux 2&#xa0;: nationalité attestée par</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Second spouse: nationality document number</source>
        <translation>Époux 2&#xa0;: n° du document de nationalité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Second spouse: previous marital status</source>
        <translation>Époux 2&#xa0;: situation antérieure</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>First witness: surname</source>
        <translation>Témoin 1&#xa0;: nom</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>First witness: given names</source>
        <translation>Témoin 1&#xa0;: prénoms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second witness: surname</source>
        <translation>Témoin 2&#xa0;: nom</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Second witness: given names</source>
        <translation>Témoin 2&#xa0;: prénoms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Property regime</source>
        <translation>Régime matrimonial</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As stated on the certificate or in a marriage contract; empty when none.</source>
        <translation>Tel qu&apos;indiqué sur l&apos;acte ou dans un contrat de mariage&#xa0;; vide s&apos;il n&apos;y en a pas.</translation>
    </message>
</context>
<context>
    <name>form:person</name>
    <message>
        <location filename="../../../forms/person.toml" line="+3"/>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Surname (as written)</source>
        <translation>Nom (graphie d&apos;origine)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Given names (as written)</source>
        <translation>Prénoms (graphie d&apos;origine)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Surname (Latin letters)</source>
        <translation>Nom (lettres latines)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filled in from the written form when it uses Cyrillic or Arabic script.</source>
        <translation>Rempli d&apos;après la graphie d&apos;origine lorsqu&apos;elle est en écriture cyrillique ou arabe.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Given names (Latin letters)</source>
        <translation>Prénoms (lettres latines)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>M</source>
        <translation>M</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>YYYY-MM-DD; YYYY-MM or YYYY when only part is known.</source>
        <translation>AAAA-MM-JJ&#xa0;; AAAA-MM ou AAAA lorsque la date n&apos;est connue qu&apos;en partie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Country of birth</source>
        <translation>Pays de naissance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Documents and identifiers</source>
        <translation>Documents et identifiants</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Address abroad</source>
        <translation>Adresse à l&apos;étranger</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Telephone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
</context>
<context>
    <name>issue_dialogs</name>
    <message>
        <location filename="../../ui/issue_dialogs.py" line="+87"/>
        <location line="+16"/>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issuing numbers, seals and signs the document with the post&apos;s signing key. Type the key&apos;s passphrase (asked once per session).</source>
        <translation>La délivrance numérote, scelle et signe le document avec la clé de signature du poste. Saisissez la phrase secrète de la clé (demandée une fois par session).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Key &amp;passphrase:</source>
        <translation>&amp;Phrase secrète de la clé&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type the passphrase.</source>
        <translation>Saisissez la phrase secrète.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Supervisor:</source>
        <translation>&amp;Superviseur&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Supervisor&apos;s pass&amp;word:</source>
        <translation>Mot de &amp;passe du superviseur&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give a reason: it is kept in the document&apos;s history.</source>
        <translation>Indiquez un motif&#xa0;: il est conservé dans l&apos;historique du document.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A supervisor signs this step: their user name and password.</source>
        <translation>Un superviseur valide cette étape&#xa0;: son nom d&apos;utilisateur et son mot de passe.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>New emergency travel document</source>
        <translation>Nouveau titre de voyage d&apos;urgence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For {name}: a single journey home. The request goes to a supervisor for approval.</source>
        <translation>Pour {name}&#xa0;: un seul voyage de retour. La demande est transmise à un superviseur pour approbation.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>City and country of destination</source>
        <translation>Ville et pays de destination</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comma-separated; empty for a direct trip</source>
        <translation>Séparés par des virgules&#xa0;; vide pour un trajet direct</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. X1234567 (stolen)</source>
        <translation>p. ex. X1234567 (volé)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Destination:</source>
        <translation>&amp;Destination&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Transit points:</source>
        <translation>Points de &amp;transit&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Passport replaced:</source>
        <translation>&amp;Passeport remplacé&#xa0;:</translation>
    </message>
</context>
</TS>
