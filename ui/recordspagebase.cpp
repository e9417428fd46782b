#include "recordspagebase.h"

#include "pageheader.h"
#include "recordspagemodel.h"
#include "retryqueuemodel.h"
#include "retryqueuepage.h"
#include "security/permissions.h"
#include "services/recordsdata.h"

#include <QAction>
#include <QCheckBox>
#include <QDateEdit>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Concord::Ui {

using Domain::System;

namespace {

// The three systems in the order the table's column groups show them.
const QList<System> kSystems = { System::CalCom, System::HubSpot, System::QuickBooks };

QLabel *fieldLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("fieldLabel"));
    label->setBuddy(buddy);
    return label;
}

} // namespace

RecordsPageBase::RecordsPageBase(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
{
}

void RecordsPageBase::build(RecordsPageModel *model, const QString &title, const QString &subtitle,
                            const QDate &from, const QDate &to)
{
    m_model = model;

    auto *header = new PageHeader(title, subtitle, this);
    m_refresh = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Refresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setAccessibleName(tr("Read the records again"));
    m_refresh->setToolTip(tr("Read the dates shown again"));
    header->addTrailingWidget(m_refresh);

    // A failed read, dismissed by the next snapshot.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("recordsBanner"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("recordsFailure"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(14, 8, 14, 8);
    bannerLayout->addWidget(m_bannerText, 1);
    m_banner->setStyleSheet(
        QStringLiteral("QFrame#recordsBanner { background: %1; border: 1px solid %2;"
                       " border-radius: 6px; } QFrame#recordsBanner QLabel { color: %3; }")
            .arg(Theme::toneBackground(Theme::Tone::Bad).name(),
                 Theme::toneColor(Theme::Tone::Bad).name(),
                 Theme::toneText(Theme::Tone::Bad).name()));
    m_banner->setVisible(false);

    m_view = new QTableView(this);
    configureTable();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(createDetailPane());
    // Table and details share the height evenly (the details scroll).
    // The table is what people scan; the details of one row need less.
    splitter->setObjectName(QStringLiteral("recordsSplitter"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 600, 400 });

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("pageSubtitle"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);

    m_content = new QStackedWidget(this);
    m_content->addWidget(splitter);
    m_content->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(12);
    layout->addWidget(header);
    layout->addWidget(createFilterBar(from, to));
    layout->addWidget(m_banner);
    layout->addWidget(m_content, 1);

    connect(m_refresh, &QPushButton::clicked, this, &RecordsPageBase::reload);
    connect(m_load, &QPushButton::clicked, this, &RecordsPageBase::reload);
    connect(m_search, &QLineEdit::textChanged, this, &RecordsPageBase::applyFilters);
    connect(m_onlyDisagreements, &QCheckBox::toggled, this, &RecordsPageBase::applyFilters);
    connect(m_retryQueue, &QPushButton::clicked, this, [this] {
        if (m_shown.jobId != 0)
            Q_EMIT retryQueueRequested(m_shown.jobId);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RecordsPageBase::showCurrent);
    // Filters and snapshots reset the model: the page keeps its record by id.
    connect(m_model, &QAbstractItemModel::modelReset, this, &RecordsPageBase::restoreCurrent);

    setUpTabOrder();
    updateRetryQueueButton();
    updatePlaceholder();
    showCurrent();
}

QWidget *RecordsPageBase::createFilterBar(const QDate &from, const QDate &to)
{
    auto *bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("recordsFilters"));

    const auto dateEdit = [bar](const QDate &date, const QString &name, const QString &accessible) {
        auto *edit = new QDateEdit(date, bar);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        return edit;
    };
    m_from = dateEdit(from, QStringLiteral("fromDate"), tr("First day shown"));
    m_to = dateEdit(to, QStringLiteral("toDate"), tr("Last day shown"));
    m_load = new QPushButton(tr("&Show"), bar);
    m_load->setObjectName(QStringLiteral("loadButton"));
    m_load->setAccessibleName(tr("Show the records of these days"));
    m_load->setToolTip(tr("Read the records of these days (both included)"));

    m_search = new QLineEdit(bar);
    m_search->setObjectName(QStringLiteral("recordsSearch"));
    m_search->setAccessibleName(tr("Find in the table"));
    m_search->setPlaceholderText(tr("Client, service, invoice, deal, reason…"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 14);

    m_onlyDisagreements = new QCheckBox(tr("Only &disagreements"), bar);
    m_onlyDisagreements->setObjectName(QStringLiteral("onlyDisagreements"));
    m_onlyDisagreements->setAccessibleName(tr("Show only records where the systems disagree"));

    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("pageSubtitle"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(fieldLabel(tr("&From:"), m_from, bar));
    row->addWidget(m_from);
    row->addWidget(fieldLabel(tr("&To:"), m_to, bar));
    row->addWidget(m_to);
    row->addWidget(m_load);
    row->addSpacing(16);
    row->addWidget(fieldLabel(tr("F&ind:"), m_search, bar));
    row->addWidget(m_search, 1);
    row->addSpacing(10);
    row->addWidget(m_onlyDisagreements);

    // Under the filters: how many are shown, and the cap's note in the
    // warning's colours when the range held more than was read.
    m_capNote = new QLabel(bar);
    m_capNote->setObjectName(QStringLiteral("capNote"));
    m_capNote->setWordWrap(true);
    m_capNote->setStyleSheet(QStringLiteral("QLabel#capNote { color: %1; }")
                                 .arg(Theme::toneText(Theme::Tone::Warning).name()));
    m_capNote->setVisible(false);
    auto *status = new QHBoxLayout;
    status->setContentsMargins(0, 0, 0, 0);
    status->setSpacing(12);
    status->addWidget(m_count);
    status->addWidget(m_capNote, 1);

    auto *rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(6);
    rows->addLayout(row);
    rows->addLayout(status);
    return bar;
}

void RecordsPageBase::configureTable()
{
    m_view->setObjectName(QStringLiteral("recordsTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->sortByColumn(-1,
                         Qt::AscendingOrder); // the snapshot's own order until a header is clicked
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->verticalHeader()->hide();
    // Fixed row heights: a 100,000-row table never measures its rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The last column (the reasons) takes the width the others leave.
    columns->setStretchLastSection(true);
    columns->setMinimumSectionSize(m_view->fontMetrics().horizontalAdvance(QStringLiteral("0000")));
}

QWidget *RecordsPageBase::createDetailPane()
{
    m_detailStack = new QStackedWidget(this);
    m_detailStack->setObjectName(QStringLiteral("recordsDetail"));

    auto *placeholder = new QLabel(tr("Select a row to see the record in each system."), this);
    placeholder->setObjectName(QStringLiteral("pageSubtitle"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);

    auto *details = new QWidget(this);
    m_headline = new QLabel(details);
    m_headline->setObjectName(QStringLiteral("cardTitle"));
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta = new QLabel(details);
    m_meta->setObjectName(QStringLiteral("fieldLabel"));
    m_meta->setWordWrap(true);
    m_meta->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    for (const System system : kSystems) {
        CardWidgets w;
        w.frame = new QFrame(details);
        w.frame->setObjectName(QStringLiteral("card"));
        auto *title = new QLabel(RetryQueueModel::systemText(system), w.frame);
        title->setObjectName(QStringLiteral("paneTitle"));
        w.body = new QLabel(w.frame);
        w.body->setObjectName(QStringLiteral("cardBody"));
        w.body->setWordWrap(true);
        w.body->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        w.body->setTextFormat(Qt::PlainText);
        w.body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        w.body->setFocusPolicy(Qt::StrongFocus);
        w.body->setAccessibleName(tr("%1 record").arg(RetryQueueModel::systemText(system)));
        w.body->setMinimumWidth(120);
        w.body->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        w.delivery = new QLabel(w.frame);
        w.delivery->setObjectName(QStringLiteral("fieldLabel"));
        w.delivery->setWordWrap(true);
        w.delivery->setTextFormat(Qt::PlainText);
        w.delivery->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        w.open =
            new QPushButton(tr("Open in %1").arg(RetryQueueModel::systemText(system)), w.frame);
        w.open->setObjectName(QStringLiteral("open%1Button").arg(Domain::toString(system)));
        auto *layout = new QVBoxLayout(w.frame);
        layout->setContentsMargins(12, 10, 12, 10);
        layout->setSpacing(4);
        layout->addWidget(title);
        layout->addWidget(w.body);
        layout->addWidget(w.delivery);
        layout->addStretch(1);
        layout->addWidget(w.open, 0, Qt::AlignLeft);
        cards->addWidget(w.frame, 1);
        connect(w.open, &QPushButton::clicked, this, [this, system] {
            const QUrl url = m_shown.cards.value(system).url;
            if (url.isValid() && !url.isEmpty())
                Q_EMIT openUrlRequested(url);
        });
        m_cards.insert(system, w);
    }

    m_reasonsTitle = new QLabel(tr("Disagreements"), details);
    m_reasonsTitle->setObjectName(QStringLiteral("paneTitle"));
    m_reasons = new QLabel(details);
    m_reasons->setObjectName(QStringLiteral("recordReasons"));
    m_reasons->setAccessibleName(tr("Disagreements"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextFormat(Qt::PlainText);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_reasons->setFocusPolicy(Qt::StrongFocus);
    m_reasons->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_reasonsTitle->setBuddy(m_reasons);
    m_retryQueue = new QPushButton(tr("Show in &retry queue"), details);
    m_retryQueue->setObjectName(QStringLiteral("retryQueueButton"));
    m_retryQueue->setAccessibleName(tr("Show the change in the retry queue"));

    auto *reasonsRow = new QHBoxLayout;
    reasonsRow->addWidget(m_reasonsTitle);
    reasonsRow->addStretch(1);
    reasonsRow->addWidget(m_retryQueue);

    auto *layout = new QVBoxLayout(details);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->setSpacing(6);
    // What is wrong first, then each system's record.
    layout->addWidget(m_headline);
    layout->addWidget(m_meta);
    layout->addSpacing(2);
    layout->addLayout(reasonsRow);
    layout->addWidget(m_reasons);
    layout->addSpacing(4);
    layout->addLayout(cards);
    layout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(details);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);

    m_detailStack->addWidget(placeholder);
    m_detailStack->addWidget(scroll);
    return m_detailStack;
}

void RecordsPageBase::setUpTabOrder()
{
    // Reading order: the range, the filters, the table, then the record's
    // disagreements and its systems left to right.
    QList<QWidget *> chain = { m_refresh,           m_from, m_to, m_load, m_search,
                               m_onlyDisagreements, m_view };
    for (const System system : kSystems) {
        chain.append(m_cards.value(system).body);
        chain.append(m_cards.value(system).open);
    }
    chain.insert(chain.indexOf(m_view) + 1, m_reasons);
    chain.insert(chain.indexOf(m_view) + 2, m_retryQueue);
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));
}

void RecordsPageBase::reload()
{
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (to < from) {
        std::swap(from, to);
        showRange(from, to);
    }
    m_loading = true;
    updateCount();
    requestRange(from, to);
}

void RecordsPageBase::showRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
}

void RecordsPageBase::snapshotArrived(qint64 matching, int limit, bool truncated)
{
    m_loaded = true;
    m_loading = false;
    m_matching = matching;
    m_limit = limit;
    m_truncated = truncated;
    m_banner->setVisible(false);
    if (truncated) {
        const QLocale locale;
        m_capNote->setText(tr("Showing the first %1 of %2 in these days (by date). Choose fewer "
                              "days to see the rest.")
                               .arg(countWords(m_model->recordCount()), locale.toString(matching)));
    }
    m_capNote->setVisible(truncated);
    updateCount();
    updatePlaceholder();
    restoreCurrent();
}

void RecordsPageBase::showFailure(const QString &message)
{
    m_loading = false;
    m_bannerText->setText(message);
    m_banner->setVisible(true);
    updateCount();
}

void RecordsPageBase::setRole(Domain::Role role)
{
    m_role = role;
    updateRetryQueueButton();
}

bool RecordsPageBase::selectRecord(qint64 id)
{
    int row = m_model->rowForId(id);
    if (row < 0 && m_model->isFiltering()) {
        // The filters hid it; the person asked for this record explicitly.
        m_search->clear();
        m_onlyDisagreements->setChecked(false);
        row = m_model->rowForId(id);
    }
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, kAnchorColumn);
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

void RecordsPageBase::applyFilters()
{
    m_model->setFilterText(m_search->text());
    m_model->setDisagreementsOnly(m_onlyDisagreements->isChecked());
    updateCount();
    updatePlaceholder();
}

void RecordsPageBase::restoreCurrent()
{
    if (!m_view)
        return;
    const int row = m_currentId != 0 ? m_model->rowForId(m_currentId) : -1;
    if (row >= 0) {
        const QModelIndex index = m_model->index(row, kAnchorColumn);
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_view->scrollTo(index);
    }
    showCurrent();
}

void RecordsPageBase::updateCount()
{
    if (m_loading) {
        m_count->setText(tr("Loading…"));
        return;
    }
    if (!m_loaded) {
        m_count->clear();
        return;
    }
    const int total = m_model->recordCount();
    const int shown = m_model->rowCount();
    QString text = shown != total ? tr("%1 of %2").arg(QLocale().toString(shown), countWords(total))
                                  : countWords(total);
    const int disagreeing = m_model->disagreeingCount();
    if (disagreeing > 0)
        text = tr("%1 · %Ln disagree", nullptr, disagreeing).arg(text);
    m_count->setText(text);
}

void RecordsPageBase::updatePlaceholder()
{
    if (!m_content)
        return;
    const bool hasRows = m_model->rowCount() > 0;
    if (!m_loaded) {
        m_placeholder->setText(m_loading ? tr("Loading…")
                                         : tr("Nothing read yet: choose the days and press Show."));
    } else if (m_model->recordCount() == 0) {
        m_placeholder->setText(emptyRangeText(m_from->date(), m_to->date()));
    } else if (!hasRows && m_model->disagreementsOnly() && m_model->filterText().isEmpty()) {
        m_placeholder->setText(tr("No disagreements in these days: the three systems agree."));
    } else if (!hasRows) {
        m_placeholder->setText(
            tr("Nothing shown matches “%1”%2.")
                .arg(m_model->filterText(),
                     m_model->disagreementsOnly() ? tr(" among the disagreements") : QString()));
    }
    // With filters that hide everything the bar stays, so they can be undone.
    m_content->setCurrentIndex(hasRows ? 0 : 1);
}

bool RecordsPageBase::isShowingPlaceholder() const
{
    return m_content->currentIndex() == 1;
}

QString RecordsPageBase::placeholderText() const
{
    return m_placeholder->text();
}

QString RecordsPageBase::countText() const
{
    return m_count->text();
}

QString RecordsPageBase::capNoteText() const
{
    return m_capNote->isHidden() ? QString() : m_capNote->text();
}

QString RecordsPageBase::failureText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

QString RecordsPageBase::detailHeadline() const
{
    return m_headline->text();
}

QString RecordsPageBase::cardText(System system) const
{
    const CardWidgets w = m_cards.value(system);
    return w.body ? w.body->text() + QLatin1Char('\n') + w.delivery->text() : QString();
}

void RecordsPageBase::showCurrent()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    const qint64 id = current.isValid() ? current.data(RecordsPageModel::IdRole).toLongLong() : 0;
    if (id == 0) {
        // Keep remembering the record while a filter hides it.
        if (!current.isValid() && m_currentId != 0 && m_model->rowForId(m_currentId) < 0
            && m_model->recordCount() > 0 && m_model->isFiltering()) {
            m_detailStack->setCurrentIndex(0);
            return;
        }
        m_currentId = 0;
        m_shown = {};
        m_detailStack->setCurrentIndex(0);
        updateRetryQueueButton();
        return;
    }
    m_currentId = id;
    m_shown = describe(id);
    m_headline->setText(m_shown.headline);
    m_meta->setText(m_shown.meta);
    for (const System system : kSystems) {
        const CardWidgets &w = m_cards[system];
        const Card card = m_shown.cards.value(system);
        w.body->setText(card.lines.join(QLatin1Char('\n')));
        w.delivery->setText(card.delivery);
        const QString systemName = RetryQueueModel::systemText(system);
        w.open->setText(card.linkWhat.isEmpty()
                            ? tr("Open in %1").arg(systemName)
                            : tr("Open %1 in %2").arg(card.linkWhat, systemName));
        const bool linkable = card.url.isValid() && !card.url.isEmpty();
        w.open->setEnabled(linkable);
        w.open->setToolTip(linkable ? card.url.toDisplayString() : card.noLinkReason);
        w.open->setAccessibleDescription(linkable ? card.url.toDisplayString() : card.noLinkReason);
    }
    if (m_shown.reasons.isEmpty()) {
        m_reasons->setText(
            tr("None: the three systems agree on this record, as far as Concord knows."));
        m_reasons->setStyleSheet(QString());
    } else {
        m_reasons->setText(QStringLiteral("• ") + m_shown.reasons.join(QStringLiteral("\n• ")));
        m_reasons->setStyleSheet(QStringLiteral("QLabel#recordReasons { color: %1; }")
                                     .arg(Theme::toneText(m_shown.tone).name()));
    }
    m_detailStack->setCurrentIndex(1);
    updateRetryQueueButton();
}

void RecordsPageBase::setUpColumns(const QHash<int, QString> &samples, const QList<int> &hidden)
{
    const QFontMetrics metrics = m_view->fontMetrics();
    QFont headerFont = m_view->font();
    headerFont.setWeight(QFont::DemiBold);
    const QFontMetrics headerMetrics(headerFont);
    QHeaderView *columns = m_view->horizontalHeader();
    for (auto it = samples.constBegin(); it != samples.constEnd(); ++it) {
        int header = 0;
        for (const QString &line :
             m_model->headerData(it.key(), Qt::Horizontal).toString().split(QLatin1Char('\n')))
            header = std::max(header, headerMetrics.horizontalAdvance(line));
        // Room for the cell padding, and in the first column for the marker.
        const int marker = it.key() == 0 ? m_view->iconSize().width() + 8 : 0;
        columns->resizeSection(
            it.key(), std::max(metrics.horizontalAdvance(it.value()) + marker, header) + 24);
    }
    columns->setContextMenuPolicy(Qt::ActionsContextMenu);
    for (int column = 1; column < m_model->columnCount(); ++column) {
        const bool shown = !hidden.contains(column);
        m_view->setColumnHidden(column, !shown);
        const QString title = m_model->headerData(column, Qt::Horizontal)
                                  .toString()
                                  .replace(QLatin1Char('\n'), QStringLiteral(" · "));
        auto *toggle = new QAction(tr("Show “%1”").arg(title), columns);
        toggle->setCheckable(true);
        toggle->setChecked(shown);
        connect(toggle, &QAction::toggled, this,
                [this, column](bool on) { m_view->setColumnHidden(column, !on); });
        columns->addAction(toggle);
    }
}

void RecordsPageBase::setLink(Card &card, System system, const QString &kind, const QString &what,
                              const QString &remoteId, const QList<Domain::Connection> &connections)
{
    Domain::Connection connection;
    connection.system = system;
    for (const Domain::Connection &c : connections) {
        if (c.system == system)
            connection = c;
    }
    card.linkWhat = what;
    card.url = Services::recordUrl(system, kind, remoteId, connection);
    if (!card.url.isEmpty())
        return;
    const QString name = RetryQueueModel::systemText(system);
    if (remoteId.trimmed().isEmpty()) {
        card.noLinkReason = tr("Nothing to open: no %1 record is linked.").arg(name);
        return;
    }
    switch (system) {
    case System::HubSpot:
        card.noLinkReason = tr(
            "Concord does not know the HubSpot account (portal) id, so it cannot build the link.");
        break;
    case System::QuickBooks:
        card.noLinkReason =
            tr("Concord does not know the QuickBooks company id, so it cannot build the link.");
        break;
    case System::CalCom:
        card.noLinkReason =
            tr("This Cal.com is self-hosted: Concord does not know its web address.");
        break;
    }
}

QDate RecordsPageBase::today() const
{
    return m_clock.nowUtc().toLocalTime().date();
}

void RecordsPageBase::updateRetryQueueButton()
{
    if (!m_retryQueue)
        return;
    const bool hasJob = m_shown.jobId != 0;
    m_retryQueue->setEnabled(hasJob);
    if (!hasJob)
        m_retryQueue->setToolTip(tr("No change for this record waits or failed."));
    else if (Security::roleHas(m_role, Security::Permission::ManageRetryQueue))
        m_retryQueue->setToolTip(
            tr("Open change #%1 in the retry queue to retry, edit or dismiss it")
                .arg(m_shown.jobId));
    else
        m_retryQueue->setToolTip(
            tr("Look at change #%1 in the retry queue. %2")
                .arg(m_shown.jobId)
                .arg(RetryQueuePage::permissionReason(RetryQueuePage::Action::Retry)));
}

} // namespace Concord::Ui
