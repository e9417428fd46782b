#include "dashboardtile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Concord::Ui {

DashboardTile::DashboardTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_value(new QLabel(QStringLiteral("–"), this))
    , m_caption(new QLabel(caption, this))
    , m_detail(new QLabel(this))
{
    // The application sheet styles "card", "statValue" and "statCaption":
    // the tiles look like the overview page's.
    setObjectName(QStringLiteral("card"));
    m_value->setObjectName(QStringLiteral("statValue"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setObjectName(QStringLiteral("cardTitle"));
    m_caption->setWordWrap(true);
    m_detail->setObjectName(QStringLiteral("statCaption"));
    m_detail->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addStretch(1); // tiles in a row share a height; keep their text at the top
    updateAccessibleName();
}

void DashboardTile::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value.isEmpty() ? QStringLiteral("–") : value);
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
    updateAccessibleName();
}

void DashboardTile::setTone(Theme::Tone tone)
{
    m_tone = tone;
    // A per-widget sheet beats the application sheet's #statValue rule.
    const bool coloured = tone == Theme::Tone::Bad || tone == Theme::Tone::Warning;
    m_value->setStyleSheet(coloured ? QStringLiteral("color: %1;").arg(Theme::toneText(tone).name())
                                    : QString());
}

QString DashboardTile::valueText() const
{
    return m_value->text();
}

QString DashboardTile::detailText() const
{
    return m_detail->text();
}

QString DashboardTile::caption() const
{
    return m_caption->text();
}

void DashboardTile::updateAccessibleName()
{
    // A screen reader reads the tile as one sentence: "Outstanding: $412.75, 4 open invoices".
    QString text = tr("%1: %2").arg(m_caption->text(), m_value->text());
    if (!m_detail->text().isEmpty())
        text = tr("%1, %2").arg(text, m_detail->text());
    setAccessibleName(text);
}

} // namespace Concord::Ui
