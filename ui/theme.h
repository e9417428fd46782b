#pragma once

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

class QApplication;

namespace Concord::Ui::Theme {

// What a coloured element means; every status colour in the UI comes from here
// so the status bar, the overview and the banners agree.
enum class Tone {
    Neutral, // nothing to do, nothing known (grey)
    Good, // working as it should (green)
    Warning, // works now, needs attention soon (amber)
    Bad, // broken, needs a person (red)
    Info, // in progress (blue)
};

// Fusion with a calm, light palette and the few style sheets the shell uses
// (sidebar, cards, page titles). Call once, before the first window is shown.
void apply(QApplication &app);

// Registers the embedded icons (resources/resources.qrc). concord_ui is a
// static library, so the resource has to be pulled in explicitly; idempotent.
void initResources();

[[nodiscard]] QColor accent();
[[nodiscard]] QColor mutedText();
// Strong colour for a dot or an icon.
[[nodiscard]] QColor toneColor(Tone tone);
// Pale background and readable text colour for a banner of that tone.
[[nodiscard]] QColor toneBackground(Tone tone);
[[nodiscard]] QColor toneText(Tone tone);

// An embedded icon by name ("overview", "audit", "refresh", …) at 1× and 2×;
// sidebar icons also carry an accent-coloured variant for the selected state.
[[nodiscard]] QIcon icon(const QString &name);
[[nodiscard]] QIcon appIcon();

// A round dot of `tone`'s colour, `diameter` logical pixels, for status texts.
// Drawn at 2× so it stays crisp on high-density screens and scales down cleanly.
[[nodiscard]] QPixmap dot(Tone tone, int diameter);

} // namespace Concord::Ui::Theme
