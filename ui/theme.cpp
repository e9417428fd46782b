#include "theme.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyleFactory>
#include <QtMath>

// Q_INIT_RESOURCE must be used at global scope (it declares an extern "C++"
// function named after the .qrc file).
static void initConcordResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace Concord::Ui::Theme {

namespace {

// A slate-and-teal palette: quiet surfaces, one accent, text with enough
// contrast (≥ 7:1 on the window colour) for long sessions of reading tables.
constexpr QRgb kWindow = 0xf4f6f9;
constexpr QRgb kBase = 0xffffff;
constexpr QRgb kAlternateBase = 0xf7f9fb;
constexpr QRgb kText = 0x1f2a33;
constexpr QRgb kMuted = 0x5b6b78;
constexpr QRgb kAccent = 0x1f6f8b;
constexpr QRgb kBorder = 0xd5dde5;

QString styleSheet()
{
    // Object names select the few widgets that are styled; everything else keeps
    // Fusion's own look so standard dialogs still feel native.
    return QStringLiteral(R"(
QFrame#sidebar {
    background: #e8eef3;
    border: none;
    border-right: 1px solid #d5dde5;
}
QLabel#sidebarTitle {
    font-size: 15pt;
    font-weight: 600;
    color: #1f2a33;
}
QLabel#sidebarFooter {
    color: #5b6b78;
}
QListWidget#navigation {
    background: transparent;
    border: none;
    outline: 0;
}
QListWidget#navigation::item {
    color: #2c3a45;
    padding: 8px 10px;
    margin: 1px 0px;
    border-radius: 6px;
}
QListWidget#navigation::item:hover {
    background: #dde6ee;
}
QListWidget#navigation::item:selected {
    background: #cfe2ec;
    color: #13506a;
}
QLabel#pageTitle {
    font-size: 17pt;
    font-weight: 600;
    color: #1f2a33;
}
QLabel#pageSubtitle {
    color: #5b6b78;
}
QFrame#card {
    background: #ffffff;
    border: 1px solid #d5dde5;
    border-radius: 8px;
}
QLabel#cardTitle {
    font-weight: 600;
    color: #1f2a33;
}
QLabel#statValue {
    font-size: 18pt;
    font-weight: 600;
    color: #1f2a33;
}
QLabel#statCaption, QLabel#fieldLabel {
    color: #5b6b78;
}
QLabel#paneTitle {
    font-weight: 600;
    color: #2c3a45;
}
QTableView {
    border: 1px solid #d5dde5;
    border-radius: 6px;
    background: #ffffff;
    alternate-background-color: #f7f9fb;
    selection-background-color: #d3e5ee;
    selection-color: #1f2a33;
}
QTableView::item {
    padding: 0px 6px;
}
QTableView QHeaderView::section {
    background: #f0f3f6;
    color: #3b4852;
    font-weight: 600;
    padding: 6px 8px;
    border: none;
    border-bottom: 1px solid #d5dde5;
    border-right: 1px solid #e3e8ee;
}
QPlainTextEdit {
    border: 1px solid #d5dde5;
    border-radius: 6px;
    background: #fbfcfd;
    padding: 4px;
}
QStatusBar {
    background: #e8eef3;
    border-top: 1px solid #d5dde5;
}
QStatusBar::item {
    border: none;
}
)");
}

} // namespace

void apply(QApplication &app)
{
    initResources();
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette palette;
    palette.setColor(QPalette::Window, QColor(kWindow));
    palette.setColor(QPalette::WindowText, QColor(kText));
    palette.setColor(QPalette::Base, QColor(kBase));
    palette.setColor(QPalette::AlternateBase, QColor(kAlternateBase));
    palette.setColor(QPalette::Text, QColor(kText));
    palette.setColor(QPalette::Button, QColor(0xfbfcfd));
    palette.setColor(QPalette::ButtonText, QColor(kText));
    palette.setColor(QPalette::Highlight, QColor(kAccent));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(kAccent));
    palette.setColor(QPalette::ToolTipBase, QColor(0x2c3a45));
    palette.setColor(QPalette::ToolTipText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x8795a1));
    palette.setColor(QPalette::Mid, QColor(kBorder));
    palette.setColor(QPalette::Disabled, QPalette::Text, QColor(0x9aa6b0));
    palette.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x9aa6b0));
    palette.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x9aa6b0));
    app.setPalette(palette);
    app.setStyleSheet(styleSheet());
}

void initResources()
{
    static const bool registered = [] {
        initConcordResources();
        return true;
    }();
    Q_UNUSED(registered)
}

QColor accent()
{
    return QColor(kAccent);
}

QColor mutedText()
{
    return QColor(kMuted);
}

QColor toneColor(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return QColor(0x8a99a6);
    case Tone::Good:
        return QColor(0x2e9e5b);
    case Tone::Warning:
        return QColor(0xd9932b);
    case Tone::Bad:
        return QColor(0xd0453a);
    case Tone::Info:
        return QColor(kAccent);
    }
    return QColor(0x8a99a6);
}

QColor toneBackground(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return QColor(0xeef1f4);
    case Tone::Good:
        return QColor(0xe3f4ea);
    case Tone::Warning:
        return QColor(0xfcf1de);
    case Tone::Bad:
        return QColor(0xfbe5e3);
    case Tone::Info:
        return QColor(0xe1eef4);
    }
    return QColor(0xeef1f4);
}

QColor toneText(Tone tone)
{
    switch (tone) {
    case Tone::Neutral:
        return QColor(0x3b4852);
    case Tone::Good:
        return QColor(0x1b6b3c);
    case Tone::Warning:
        return QColor(0x7a4b06);
    case Tone::Bad:
        return QColor(0x9b2219);
    case Tone::Info:
        return QColor(0x13506a);
    }
    return QColor(kText);
}

QIcon icon(const QString &name)
{
    initResources();
    QIcon result;
    const QString base = QStringLiteral(":/concord/icons/") + name;
    result.addFile(base + QStringLiteral(".png"), QSize(24, 24));
    result.addFile(base + QStringLiteral("@2x.png"), QSize(48, 48));
    const QString active = base + QStringLiteral("-active");
    if (QFile::exists(active + QStringLiteral(".png"))) {
        result.addFile(active + QStringLiteral(".png"), QSize(24, 24), QIcon::Selected);
        result.addFile(active + QStringLiteral("@2x.png"), QSize(48, 48), QIcon::Selected);
    }
    return result;
}

QIcon appIcon()
{
    initResources();
    QIcon result;
    for (int size : { 16, 32, 48, 64, 128, 256 })
        result.addFile(QStringLiteral(":/concord/app/concord-%1.png").arg(size), QSize(size, size));
    return result;
}

QPixmap dot(Tone tone, int diameter)
{
    constexpr qreal devicePixelRatio = 2.0;
    const int side = qCeil(diameter * devicePixelRatio);
    QPixmap pixmap(side, side);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(toneColor(tone));
    painter.drawEllipse(QRectF(0.5, 0.5, diameter - 1.0, diameter - 1.0));
    return pixmap;
}

} // namespace Concord::Ui::Theme
