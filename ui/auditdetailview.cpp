#include "auditdetailview.h"

#include "localtimedelegate.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace Concord::Ui {

using Security::AuditEntry;

AuditDetailView::AuditDetailView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_headline(new QLabel(this))
    , m_meta(new QLabel(this))
{
    setObjectName(QStringLiteral("auditDetail"));

    auto *placeholder = new QLabel(tr("Select an entry to see what changed."), this);
    placeholder->setObjectName(QStringLiteral("pageSubtitle"));
    placeholder->setAlignment(Qt::AlignCenter);

    m_headline->setObjectName(QStringLiteral("cardTitle"));
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setObjectName(QStringLiteral("fieldLabel"));
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta->setWordWrap(true);

    m_before = createJsonPane();
    m_after = createJsonPane();
    auto *beforeTitle = new QLabel(tr("Before"), this);
    auto *afterTitle = new QLabel(tr("After"), this);
    beforeTitle->setObjectName(QStringLiteral("paneTitle"));
    afterTitle->setObjectName(QStringLiteral("paneTitle"));

    auto *panes = new QGridLayout;
    panes->setHorizontalSpacing(12);
    panes->setVerticalSpacing(4);
    panes->addWidget(beforeTitle, 0, 0);
    panes->addWidget(afterTitle, 0, 1);
    panes->addWidget(m_before, 1, 0);
    panes->addWidget(m_after, 1, 1);
    panes->setColumnStretch(0, 1);
    panes->setColumnStretch(1, 1);
    panes->setRowStretch(1, 1);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(6);
    detailsLayout->addWidget(m_headline);
    detailsLayout->addWidget(m_meta);
    detailsLayout->addSpacing(4);
    detailsLayout->addLayout(panes, 1);

    m_stack->addWidget(placeholder);
    m_stack->addWidget(details);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

QPlainTextEdit *AuditDetailView::createJsonPane()
{
    auto *pane = new QPlainTextEdit(this);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    pane->setMinimumHeight(90);
    return pane;
}

void AuditDetailView::setEntry(const AuditEntry &entry)
{
    m_seq = entry.seq;
    const QLocale locale;
    const QString entity = entry.entityId.isEmpty()
        ? entry.entityType
        : QStringLiteral("%1 %2").arg(entry.entityType, entry.entityId);
    //: Detail pane headline: "#<number> · <action> · <entity>"
    m_headline->setText(tr("#%1 · %2 · %3").arg(locale.toString(entry.seq), entry.action, entity));
    const QString who =
        entry.actorRole.isEmpty() ? entry.actor : tr("%1 (%2)").arg(entry.actor, entry.actorRole);
    m_meta->setText(tr("By %1 on %2 (%3 UTC). Hash %4…")
                        .arg(who, LocalTimeDelegate::format(entry.at),
                             entry.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             QString::fromLatin1(entry.hash.left(16))));
    m_meta->setToolTip(
        tr("Hash: %1\nPrevious hash: %2")
            .arg(QString::fromLatin1(entry.hash), QString::fromLatin1(entry.prevHash)));

    const QString before = prettyJson(entry.beforeJson);
    const QString after = prettyJson(entry.afterJson);
    m_before->setPlainText(before);
    m_after->setPlainText(after);
    m_before->setPlaceholderText(tr("Nothing before: this entry created the record."));
    m_after->setPlaceholderText(tr("Nothing after: this entry removed the record."));
    m_stack->setCurrentIndex(1);
}

void AuditDetailView::clear()
{
    m_seq = 0;
    m_headline->clear();
    m_meta->clear();
    m_before->clear();
    m_after->clear();
    m_stack->setCurrentIndex(0);
}

QString AuditDetailView::headline() const
{
    return m_headline->text();
}

QString AuditDetailView::beforeText() const
{
    return m_before->toPlainText();
}

QString AuditDetailView::afterText() const
{
    return m_after->toPlainText();
}

QString AuditDetailView::prettyJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json);
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace Concord::Ui
