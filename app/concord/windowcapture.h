#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace Concord::App {

// Saves a picture of a window to a PNG once it shows real data; used by the
// hidden --screenshot option so the documentation screenshots are reproducible.
class WindowCapture : public QObject {
    Q_OBJECT
public:
    WindowCapture(QWidget *window, const QString &path, QObject *parent = nullptr);

    // Captures after a short pause (layouts and pending paints settle first).
    // Only the first call counts.
    void captureSoon();

Q_SIGNALS:
    void finished(bool ok);

private:
    void capture();

    QPointer<QWidget> m_window;
    QString m_path;
    bool m_armed = true;
};

} // namespace Concord::App
