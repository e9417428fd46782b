#include "stattile.h"

#include "theme.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Concord::Ui {

StatTile::StatTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_caption(new QLabel(caption, this))
{
    setObjectName(QStringLiteral("card"));
    m_value->setObjectName(QStringLiteral("statValue"));
    m_caption->setObjectName(QStringLiteral("statCaption"));
    // Long captions (translations) wrap instead of widening their column.
    m_caption->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addStretch(1); // tiles in a row share a height; keep their text at the top
}

void StatTile::setValue(qint64 value)
{
    m_value->setText(value < 0 ? QStringLiteral("–") : QLocale().toString(value));
}

void StatTile::setAlert(bool alert)
{
    // A per-widget sheet beats the application sheet's #statValue rule.
    m_value->setStyleSheet(
        alert ? QStringLiteral("color: %1;").arg(Theme::toneColor(Theme::Tone::Bad).name())
              : QString());
}

QString StatTile::valueText() const
{
    return m_value->text();
}

QString StatTile::caption() const
{
    return m_caption->text();
}

} // namespace Concord::Ui
