"""Building the services from the site configuration: shared by the CLI and the GUI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from devices.registry import DeviceMap
from workstation.config import SiteConfig, load_site_config
from workstation.domain.posts import Post
from workstation.domain.printing import PrintTarget
from workstation.paths import site_file
from workstation.services.accounts import AccountService
from workstation.services.audit import AuditService
from workstation.services.certificates import CertificateProducer
from workstation.services.chip import ChipService
from workstation.services.civil_registration import CivilRegistrationService
from workstation.services.clock import Clock, SystemClock
from workstation.services.device_inventory import DeviceInventory
from workstation.services.documents import DocumentService
from workstation.services.keys import KeyService
from workstation.services.persons import PersonService
from workstation.services.photos import PhotoService
from workstation.services.print_queues import PrinterPool
from workstation.services.printing import PrintService
from workstation.services.production import DocumentProducer
from workstation.services.setup import SetupService
from workstation.services.verification import VerificationService
from workstation.storage import Database, open_database

#: Where ``folder:NAME`` print queues write, inside the data folder.
PRINT_FOLDER = "printed"


@dataclass
class Services:
    config: SiteConfig
    db: Database
    clock: Clock
    post: Post
    accounts: AccountService
    persons: PersonService
    documents: DocumentService
    audit: AuditService
    setup: SetupService
    keys: KeyService
    photos: PhotoService
    printing: PrintService
    chip: ChipService
    devices: DeviceInventory
    civil: CivilRegistrationService

    def close(self) -> None:
        self.printing.close()
        self.db.close()


def build_services(data_dir: Path, clock: Clock | None = None) -> Services:
    """Open the configured database (migrating it) and build every service on it."""
    config = load_site_config(site_file(data_dir))
    clock = clock or SystemClock()
    db = open_database(config.database_url)
    try:
        accounts = AccountService(db, clock)
        setup = SetupService(db, clock, accounts)
        post = setup.load_post(config.post.code)
        setup.sync_kinds(config.document_kinds)
    except BaseException:
        db.close()
        raise
    keys = KeyService(db, clock, post, data_dir)
    device_map = DeviceMap(
        reader=config.devices.reader,
        card_printer=config.devices.card_printer,
        a4_printer=config.devices.a4_printer,
        camera=config.devices.camera,
    )
    # A post's own layouts, labels and emblem (templates/), when it has any.
    layouts = data_dir / "layouts" if (data_dir / "layouts").is_dir() else None
    return Services(
        config=config,
        db=db,
        clock=clock,
        post=post,
        accounts=accounts,
        persons=PersonService(db, clock, post.time_zone),
        documents=DocumentService(db, clock, post, DocumentProducer(keys, layouts)),
        audit=AuditService(db, clock),
        setup=setup,
        keys=keys,
        photos=PhotoService(db, clock, post.time_zone, config.photo),
        printing=PrintService(
            db,
            clock,
            PrinterPool(data_dir / PRINT_FOLDER),
            lambda target: (
                config.devices.card_printer
                if target is PrintTarget.CARD
                else config.devices.a4_printer
            ),
        ),
        chip=ChipService(
            db, clock, post.time_zone, VerificationService(keys), config.devices.reader
        ),
        devices=DeviceInventory(device_map, data_dir / PRINT_FOLDER),
        civil=CivilRegistrationService.for_post(
            db, clock, post, certificates=CertificateProducer(keys, layouts)
        ),
    )
