#include "windowcapture.h"

#include <QDir>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace Concord::App {

namespace {
// Long enough for queued layout requests and the first paint, short enough
// not to slow the documentation build (ms).
constexpr int kSettleMs = 500;
} // namespace

WindowCapture::WindowCapture(QWidget *window, const QString &path, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_path(path)
{
}

void WindowCapture::captureSoon()
{
    if (!m_armed)
        return;
    m_armed = false;
    QTimer::singleShot(kSettleMs, this, &WindowCapture::capture);
}

void WindowCapture::capture()
{
    if (!m_window) {
        Q_EMIT finished(false);
        return;
    }
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    const bool ok = m_window->grab().save(m_path, "PNG");
    if (!ok)
        std::fprintf(stderr, "concord: could not write the screenshot %s\n", qPrintable(m_path));
    Q_EMIT finished(ok);
}

} // namespace Concord::App
