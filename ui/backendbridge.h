#pragma once

namespace Concord::Services {
class Backend;
}

namespace Concord::Ui {

class MainWindow;

// Connects the window's pages to the Backend, both ways, with queued
// connections: requests go from the GUI thread to the Backend's (sync)
// thread, answers come back as value types. One place, so the application,
// the GUI benchmark and the tests wire exactly the same thing.
//
// Call before the Backend's thread starts (no answer can then arrive first).
// `backend` must outlive the window's connections (it is deleted when its
// thread finishes, after the window's event loop has ended).
void connectBackend(MainWindow &window, Services::Backend *backend);

} // namespace Concord::Ui
