"""What `st.download_button` serves in AppTest: the mock runtime keeps files in memory only for
the duration of a run, so tests record them (or the callable of a deferred download) as they are
registered."""

from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage


def capture_downloads(monkeypatch) -> dict:
    """From now on in this test, file id -> bytes (or deferred callable) of every download."""
    files: dict = {}
    load_and_get_id = MemoryMediaFileStorage.load_and_get_id
    add_deferred = MediaFileManager.add_deferred

    def load(self, path_or_data, mimetype, kind, filename=None):
        file_id = load_and_get_id(self, path_or_data, mimetype, kind, filename)
        files[file_id] = path_or_data
        return file_id

    def defer(self, data_callable, *args, **kwargs):
        file_id = add_deferred(self, data_callable, *args, **kwargs)
        files[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", load)
    monkeypatch.setattr(MediaFileManager, "add_deferred", defer)
    return files


def served(files: dict, button) -> bytes:
    """The bytes a download button serves (a deferred one's are made now, as on a click)."""
    if button.proto.deferred_file_id:
        return files[button.proto.deferred_file_id]()
    return files[button.proto.url.rsplit("/", 1)[-1].split(".")[0]]
