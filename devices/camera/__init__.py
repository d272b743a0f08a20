"""Cameras used for applicant photos.

Only an OS-level presence probe lives here for now; capture will use Qt
Multimedia in a dedicated backend module (the one place in ``devices`` allowed
to import PySide6).
"""

from devices.camera.probe import VideoDevice, list_video_devices, probe_camera

__all__ = ["VideoDevice", "list_video_devices", "probe_camera"]
