#include "duplicatecomparisonview.h"

#include "duplicatemergedraft.h"
#include "duplicatereviewtext.h"
#include "theme.h"

#include <QButtonGroup>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Concord::Ui {

using Domain::System;
using Services::DuplicateReviewItem;
using Services::ReviewCustomer;
using Services::ReviewEvidenceField;
using Services::ReviewKind;

namespace {

const QString kLinkPrefix = QStringLiteral("link:");

QString nameOf(const ReviewCustomer &c)
{
    return c.customer.displayName.isEmpty() ? c.customer.id : c.customer.displayName;
}

std::optional<System> linkSystem(const QString &field)
{
    if (!field.startsWith(kLinkPrefix))
        return std::nullopt;
    auto system = Domain::parseSystem(field.mid(kLinkPrefix.size()));
    return system ? std::optional<System>(*system) : std::nullopt;
}

QString rowLabel(const QString &field)
{
    if (const auto system = linkSystem(field))
        return DuplicateReviewText::recordNoun(*system);
    return DuplicateReviewText::fieldLabel(field);
}

// Comparisons some row shows; the rest go under "Also compared".
const QStringList kRowComparisons = { QStringLiteral("name"),        QStringLiteral("given_name"),
                                      QStringLiteral("family_name"), QStringLiteral("email"),
                                      QStringLiteral("phone"),       QStringLiteral("address"),
                                      QStringLiteral("city"),        QStringLiteral("postcode") };

QLabel *cellLabel(const QString &text, QWidget *parent, bool muted = false)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    if (muted)
        label->setStyleSheet(QStringLiteral("color: %1;").arg(Theme::mutedText().name()));
    return label;
}

} // namespace

DuplicateComparisonView::DuplicateComparisonView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("duplicateComparison"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty = new QLabel(tr("Choose a pair on the left to compare the two records."), this);
    m_empty->setObjectName(QStringLiteral("pageSubtitle"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);
}

QStringList DuplicateComparisonView::rowFields()
{
    QStringList fields = Identity::kSurvivorFields;
    fields << QStringLiteral("companyName") << QStringLiteral("address")
           << QStringLiteral("otherContacts") << QStringLiteral("timeZone");
    for (System s : { System::HubSpot, System::QuickBooks, System::CalCom })
        fields << kLinkPrefix + Domain::toString(s);
    fields << QStringLiteral("createdAt");
    return fields;
}

void DuplicateComparisonView::showItem(const DuplicateReviewItem *item, DuplicateMergeDraft *draft)
{
    if (m_draft)
        disconnect(m_draft, nullptr, this, nullptr);
    // A copy: the page replaces its snapshot while this still shows the old one.
    if (item)
        m_itemCopy = *item;
    m_item = item ? &m_itemCopy : nullptr;
    m_draft = draft;
    if (m_draft)
        connect(m_draft, &DuplicateMergeDraft::changed, this, &DuplicateComparisonView::syncChecks);
    rebuild();
}

void DuplicateComparisonView::setEditable(bool editable, const QString &reason)
{
    m_editable = editable;
    m_notEditableReason = reason;
    applyEditable();
}

QString DuplicateComparisonView::valueOf(const ReviewCustomer &c, const QString &field) const
{
    if (Identity::kSurvivorFields.contains(field))
        return c.value(field);
    if (field == QLatin1String("companyName"))
        return c.customer.companyName;
    if (field == QLatin1String("address"))
        return c.address;
    if (field == QLatin1String("timeZone"))
        return c.customer.timeZone;
    if (field == QLatin1String("createdAt"))
        return c.customer.createdAt.isValid()
            ? c.customer.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd"))
            : QString();
    if (field == QLatin1String("otherContacts")) {
        // What the rows above do not show: further emails, phones, addresses.
        QStringList others;
        for (const Domain::ContactPoint &p : c.customer.contacts) {
            const bool shown = (p.kind == Domain::ContactKind::Email && p.value == c.email)
                || (p.kind == Domain::ContactKind::Phone && p.value == c.phone)
                || (p.kind == Domain::ContactKind::Address && p.value == c.address);
            if (!shown)
                others.append(p.value);
        }
        return others.join(QLatin1Char('\n'));
    }
    if (const auto system = linkSystem(field)) {
        QStringList ids;
        for (const Domain::ExternalLink &l : c.linksIn(*system))
            ids.append(l.externalId);
        return ids.join(QLatin1Char('\n'));
    }
    return {};
}

QString DuplicateComparisonView::rawFor(const QString &comparison, const QString &customerId) const
{
    const ReviewCustomer *c = m_item ? m_item->customer(customerId) : nullptr;
    if (!c)
        return {};
    if (comparison == QLatin1String("email"))
        return c->email;
    if (comparison == QLatin1String("phone"))
        return c->phone;
    if (comparison == QLatin1String("given_name"))
        return c->customer.givenName;
    if (comparison == QLatin1String("family_name"))
        return c->customer.familyName;
    if (comparison == QLatin1String("name"))
        return c->customer.displayName;
    if (comparison == QLatin1String("address"))
        return c->address;
    return {};
}

QString DuplicateComparisonView::evidenceHtml(const QList<ReviewEvidenceField> &fields,
                                              QString *plain) const
{
    QStringList html;
    QStringList text;
    for (const ReviewEvidenceField &f : fields) {
        const QString words =
            DuplicateReviewText::evidence(f, rawFor(f.comparison, m_item->evidence.idA),
                                          rawFor(f.comparison, m_item->evidence.idB));
        const QString mark = f.agrees ? QStringLiteral("✓")
                                      : (f.weight < 0 ? QStringLiteral("✗") : QStringLiteral("·"));
        const Theme::Tone tone =
            f.agrees ? Theme::Tone::Good : (f.weight < 0 ? Theme::Tone::Bad : Theme::Tone::Neutral);
        //: One piece of evidence: "✓ same email · strong"
        const QString line = tr("%1 %2 · %3").arg(mark, words, DuplicateReviewText::strength(f));
        text.append(line);
        html.append(QStringLiteral("<span style=\"color:%1\">%2</span>")
                        .arg(Theme::toneText(tone).name(), line.toHtmlEscaped()));
    }
    if (plain)
        *plain = text.join(QLatin1Char('\n'));
    return html.join(QStringLiteral("<br>"));
}

int DuplicateComparisonView::keptIndex(const QString &field) const
{
    if (!m_item || m_item->customers.isEmpty())
        return -1;
    if (m_draft)
        return field.isEmpty() ? m_draft->survivor() : m_draft->choice(field);
    if (field.isEmpty())
        return 0; // a proposal lists its survivor first
    const QJsonValue chosen = m_item->fieldChoices.value(field);
    if (chosen.isString()) {
        for (int i = 0; i < m_item->customers.size(); ++i) {
            if (m_item->customers.at(i).value(field) == chosen.toString())
                return i;
        }
        return -1;
    }
    return m_item->customers.first().value(field).isEmpty() ? -1 : 0;
}

void DuplicateComparisonView::rebuild()
{
    delete m_content;
    m_content = nullptr;
    m_survivorGroup = nullptr;
    m_fieldGroups.clear();
    m_cellTexts.clear();
    m_evidenceTexts.clear();
    m_otherEvidence.clear();
    m_empty->setVisible(!m_item);
    if (!m_item)
        return;

    m_content = new QWidget(this);
    m_content->setObjectName(QStringLiteral("comparisonGrid"));
    auto *grid = new QGridLayout(m_content);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(8);
    const int n = int(m_item->customers.size());
    const int evidenceColumn = n + 1;
    const bool editing = m_draft != nullptr;

    // Header: who each column is, and which record survives.
    auto *evidenceHeader = new QLabel(tr("Evidence"), m_content);
    evidenceHeader->setObjectName(QStringLiteral("paneTitle"));
    grid->addWidget(evidenceHeader, 0, evidenceColumn, Qt::AlignBottom);
    if (editing) {
        m_survivorGroup = new QButtonGroup(m_content);
        m_survivorGroup->setExclusive(true);
    }
    for (int i = 0; i < n; ++i) {
        const ReviewCustomer &c = m_item->customers.at(i);
        auto *box = new QWidget(m_content);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        auto *name = new QLabel(nameOf(c), box);
        name->setObjectName(QStringLiteral("cardTitle"));
        name->setWordWrap(true);
        v->addWidget(name);
        //: Under a client's name in the comparison: "3 linked records"
        auto *meta = cellLabel(tr("%n linked records", nullptr, int(c.links.size())), box, true);
        meta->setToolTip(tr("Concord id %1").arg(c.customer.id));
        v->addWidget(meta);
        if (editing) {
            auto *keep = new QRadioButton(tr("Keep this record"), box);
            keep->setObjectName(QStringLiteral("survivor_%1").arg(i));
            keep->setAccessibleName(
                tr("Keep the record of %1; the other merges into it").arg(nameOf(c)));
            m_survivorGroup->addButton(keep, i);
            v->addWidget(keep);
        } else {
            const bool survives = keptIndex({}) == i;
            auto *badge =
                cellLabel(survives ? tr("✓ Survives") : tr("Merged into it"), box, !survives);
            badge->setObjectName(QStringLiteral("survivorBadge_%1").arg(i));
            if (survives)
                badge->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;")
                                         .arg(Theme::toneText(Theme::Tone::Good).name()));
            v->addWidget(badge);
        }
        grid->addWidget(box, 0, i + 1, Qt::AlignBottom);
    }
    if (m_survivorGroup) {
        connect(m_survivorGroup, &QButtonGroup::idClicked, this, [this](int id) {
            if (m_draft)
                m_draft->chooseSurvivor(id);
        });
    }

    int row = 1;
    const auto addRule = [&] {
        auto *line = new QFrame(m_content);
        line->setFrameShape(QFrame::HLine);
        line->setStyleSheet(QStringLiteral("color: #d5dde5;"));
        grid->addWidget(line, row++, 0, 1, evidenceColumn + 1);
    };
    addRule();
    const int radioLift = qMax(
        0, (QRadioButton(QStringLiteral("X")).sizeHint().height() - fontMetrics().height()) / 2);
    const QStringList fields = rowFields();
    for (const QString &field : fields) {
        if (field == QLatin1String("companyName"))
            addRule(); // below: shown to help decide, not chosen
        const bool choosable = Identity::kSurvivorFields.contains(field);
        bool differs = false;
        bool anyValue = false;
        for (int i = 0; i < n; ++i) {
            const QString value = valueOf(m_item->customers.at(i), field);
            anyValue = anyValue || !value.isEmpty();
            differs = differs || (i > 0 && value != valueOf(m_item->customers.at(0), field));
        }
        if (!choosable && !anyValue)
            continue; // nobody has one: a row of dashes says nothing
        const bool withRadios = editing && choosable && differs;
        auto *label = new QLabel(rowLabel(field), m_content);
        label->setObjectName(QStringLiteral("fieldLabel"));
        // Text beside radio buttons sits lower: the labels of that row follow.
        const int radioOffset = withRadios ? radioLift : 0;
        label->setContentsMargins(0, radioOffset, 0, 0);
        grid->addWidget(label, row, 0, Qt::AlignTop);

        QButtonGroup *group = nullptr;
        if (withRadios) {
            group = new QButtonGroup(m_content);
            group->setExclusive(true);
            m_fieldGroups.insert(field, group);
            connect(group, &QButtonGroup::idClicked, this, [this, field](int id) {
                if (m_draft)
                    m_draft->chooseValue(field, id);
            });
        }
        const int kept = choosable ? keptIndex(field) : -1;
        for (int i = 0; i < n; ++i) {
            const ReviewCustomer &c = m_item->customers.at(i);
            const QString value = valueOf(c, field);
            const QString shown = value.isEmpty() ? tr("—") : value;
            m_cellTexts.insert(field + QLatin1Char('/') + QString::number(i), value);
            if (group && !value.isEmpty()) {
                auto *radio = new QRadioButton(value, m_content);
                radio->setObjectName(QStringLiteral("choice_%1_%2").arg(field).arg(i));
                //: "Keep email dana@example.com from Dana Whitfield"
                radio->setAccessibleName(
                    tr("Keep %1 %2 from %3")
                        .arg(DuplicateReviewText::fieldLabel(field).toLower(), value, nameOf(c)));
                group->addButton(radio, i);
                grid->addWidget(radio, row, i + 1, Qt::AlignTop);
                continue;
            }
            const bool isKept = !editing && choosable && differs && kept == i;
            auto *cell =
                cellLabel(isKept ? tr("✓ %1").arg(shown) : shown, m_content, value.isEmpty());
            cell->setObjectName(QStringLiteral("cell_%1_%2").arg(field).arg(i));
            cell->setContentsMargins(0, radioOffset, 0, 0);
            if (isKept) {
                cell->setStyleSheet(QStringLiteral("font-weight: 600;"));
                cell->setAccessibleName(tr("%1 kept: %2").arg(rowLabel(field), value));
            }
            grid->addWidget(cell, row, i + 1, Qt::AlignTop);
        }
        QList<ReviewEvidenceField> evidence = m_item->evidence.forField(field);
        QString plain;
        QString html = evidenceHtml(evidence, &plain);
        if (!editing && choosable && differs && kept < 0
            && m_item->fieldChoices.value(field).isString()) {
            // A chosen value none of the records shows (typed elsewhere).
            const QString keeps =
                tr("Keeps “%1”").arg(m_item->fieldChoices.value(field).toString());
            plain = plain.isEmpty() ? keeps : plain + QLatin1Char('\n') + keeps;
            html = html.isEmpty() ? keeps.toHtmlEscaped()
                                  : html + QStringLiteral("<br>") + keeps.toHtmlEscaped();
        }
        m_evidenceTexts.insert(field, plain);
        if (!html.isEmpty()) {
            auto *ev = cellLabel(QString(), m_content);
            ev->setTextFormat(Qt::RichText);
            ev->setText(html);
            ev->setAccessibleName(tr("Evidence for %1: %2").arg(rowLabel(field), plain));
            ev->setObjectName(QStringLiteral("evidence_%1").arg(field));
            ev->setContentsMargins(0, radioOffset, 0, 0);
            grid->addWidget(ev, row, evidenceColumn, Qt::AlignTop);
        }
        ++row;
    }

    // Evidence no row shows (date of birth), and the matcher's own words.
    QList<ReviewEvidenceField> others;
    for (const ReviewEvidenceField &f : m_item->evidence.fields) {
        if (!kRowComparisons.contains(f.comparison))
            others.append(f);
    }
    QStringList lines;
    QStringList htmlLines;
    if (!others.isEmpty()) {
        QString plain;
        const QString html = evidenceHtml(others, &plain);
        lines << tr("Also compared:") << plain;
        htmlLines << tr("Also compared:").toHtmlEscaped() << html;
    }
    for (const QString &caveat : DuplicateReviewText::caveats(m_item->evidence)) {
        lines << caveat;
        htmlLines << QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(Theme::toneText(Theme::Tone::Warning).name(), caveat.toHtmlEscaped());
    }
    if (!m_item->evidence.reason.isEmpty()) {
        //: The duplicate matcher's own sentence about a pair
        const QString matcher = tr("Matcher: %1").arg(m_item->evidence.reason);
        lines << matcher;
        htmlLines << QStringLiteral("<span style=\"color:%1\">%2</span>")
                         .arg(Theme::mutedText().name(), matcher.toHtmlEscaped());
    }
    m_otherEvidence = lines.join(QLatin1Char('\n'));
    if (!htmlLines.isEmpty()) {
        addRule();
        auto *other = cellLabel(QString(), m_content);
        other->setObjectName(QStringLiteral("otherEvidence"));
        other->setTextFormat(Qt::RichText);
        other->setText(htmlLines.join(QStringLiteral("<br>")));
        other->setAccessibleName(m_otherEvidence);
        grid->addWidget(other, row++, 0, 1, evidenceColumn + 1);
    }

    grid->setColumnStretch(0, 0);
    for (int i = 0; i < n; ++i)
        grid->setColumnStretch(i + 1, 3);
    grid->setColumnStretch(evidenceColumn, 4);
    grid->setColumnMinimumWidth(0, fontMetrics().horizontalAdvance(tr("QuickBooks customer")) + 8);
    static_cast<QVBoxLayout *>(layout())->addWidget(m_content);
    // A child added to a visible widget is only shown by a queued call;
    // show it now so the first paint (and a grab) has it.
    m_content->show();
    syncChecks();
    applyEditable();
}

void DuplicateComparisonView::syncChecks()
{
    if (!m_draft)
        return;
    if (m_survivorGroup) {
        if (QAbstractButton *b = m_survivorGroup->button(m_draft->survivor()))
            b->setChecked(true);
    }
    for (auto it = m_fieldGroups.cbegin(); it != m_fieldGroups.cend(); ++it) {
        if (QAbstractButton *b = it.value()->button(m_draft->choice(it.key())))
            b->setChecked(true);
    }
}

void DuplicateComparisonView::applyEditable()
{
    QList<QButtonGroup *> groups = m_fieldGroups.values();
    if (m_survivorGroup)
        groups.prepend(m_survivorGroup);
    for (QButtonGroup *group : std::as_const(groups)) {
        for (QAbstractButton *b : group->buttons()) {
            b->setEnabled(m_editable);
            b->setToolTip(m_editable ? QString() : m_notEditableReason);
        }
    }
}

QRadioButton *DuplicateComparisonView::survivorButton(int customer) const
{
    return m_survivorGroup ? qobject_cast<QRadioButton *>(m_survivorGroup->button(customer))
                           : nullptr;
}

QRadioButton *DuplicateComparisonView::choiceButton(const QString &field, int customer) const
{
    QButtonGroup *group = m_fieldGroups.value(field);
    return group ? qobject_cast<QRadioButton *>(group->button(customer)) : nullptr;
}

QString DuplicateComparisonView::cellText(const QString &field, int customer) const
{
    return m_cellTexts.value(field + QLatin1Char('/') + QString::number(customer));
}

QString DuplicateComparisonView::evidenceText(const QString &field) const
{
    return m_evidenceTexts.value(field);
}

QString DuplicateComparisonView::otherEvidenceText() const
{
    return m_otherEvidence;
}

} // namespace Concord::Ui
