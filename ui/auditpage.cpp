#include "auditpage.h"

#include "auditdetailview.h"
#include "auditfilterproxymodel.h"
#include "auditlogmodel.h"
#include "localtimedelegate.h"
#include "pageheader.h"
#include "theme.h"
#include "verificationbanner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Concord::Ui {

using Security::AuditEntry;

AuditPage::AuditPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new AuditLogModel(this))
    , m_proxy(new AuditFilterProxyModel(this))
{
    setObjectName(QStringLiteral("auditPage"));
    m_proxy->setSourceModel(m_model);

    auto *header = new PageHeader(
        tr("Audit log"),
        tr("Every change, who made it, and the record before and after. Entries are chained, so a "
           "tampered or missing one shows when the chain is verified."),
        this);
    m_reload = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Reload"), this);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Read the newest entries again"));
    m_verify = new QPushButton(Theme::icon(QStringLiteral("verify")), tr("Verify chain"), this);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    m_verify->setToolTip(tr("Check every entry's hash against the one before it"));
    m_verify->setDefault(true);
    header->addTrailingWidget(m_reload);
    header->addTrailingWidget(m_verify);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("auditFilter"));
    m_filter->setPlaceholderText(tr("Filter by actor, action, entity, time…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->addAction(Theme::icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    m_filter->setMinimumWidth(320);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("pageSubtitle"));
    auto *filterRow = new QHBoxLayout;
    filterRow->setSpacing(12);
    filterRow->addWidget(m_filter, 2);
    filterRow->addStretch(1);
    filterRow->addWidget(m_count);

    m_banner = new VerificationBanner(this);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(AuditLogModel::Time, new LocalTimeDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->sortByColumn(AuditLogModel::Seq, Qt::DescendingOrder);
    m_view->verticalHeader()->hide();
    const QFontMetrics metrics = m_view->fontMetrics();
    m_view->verticalHeader()->setDefaultSectionSize(metrics.height() + 12);
    QHeaderView *columns = m_view->horizontalHeader();
    columns->setHighlightSections(false);
    columns->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    columns->setStretchLastSection(true);
    // Widths from the font, not pixels, so they hold at any font size.
    const auto widthFor = [&metrics](const QString &sample) {
        return metrics.horizontalAdvance(sample) + 28;
    };
    columns->resizeSection(AuditLogModel::Seq, widthFor(QStringLiteral("000000")));
    columns->resizeSection(AuditLogModel::Time, widthFor(QStringLiteral("0000-00-00 00:00:00")));
    columns->resizeSection(AuditLogModel::Actor, widthFor(QStringLiteral("system:sync-worker")));
    columns->resizeSection(AuditLogModel::Role, widthFor(QStringLiteral("bookkeeper")));
    columns->resizeSection(AuditLogModel::Action, widthFor(QStringLiteral("mapping.field.update")));
    columns->resizeSection(AuditLogModel::Entity, widthFor(QStringLiteral("appointment 12345")));

    m_placeholder = new QLabel(this);
    m_placeholder->setObjectName(QStringLiteral("pageSubtitle"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_detail = new AuditDetailView(this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    // Table and detail, or one sentence when there is nothing to list. The
    // splitter is swapped out whole, so its proportions survive.
    m_content = new QStackedWidget(this);
    m_content->setObjectName(QStringLiteral("auditContent"));
    m_content->addWidget(splitter);
    m_content->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addLayout(filterRow);
    layout->addWidget(m_banner);
    layout->addWidget(m_content, 1);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterText(text);
        updateCount();
    });
    connect(m_reload, &QPushButton::clicked, this, &AuditPage::reloadRequested);
    connect(m_verify, &QPushButton::clicked, this, &AuditPage::requestVerification);
    connect(m_banner, &VerificationBanner::showEntryRequested, this, &AuditPage::selectEntry);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AuditPage::showCurrentEntry);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &AuditPage::showCurrentEntry);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &AuditPage::showCurrentEntry);

    updateCount();
    setStoreOpen(false); // until a status says otherwise
}

void AuditPage::setEntries(const QList<AuditEntry> &entries, int limit)
{
    // Keep the selection on the same entry across snapshots; on the first
    // snapshot open the newest entry, so the detail pane starts useful.
    const qint64 selected = m_detail->seq();
    const bool firstSnapshot = !m_loaded;
    m_loaded = true;
    m_loading = false;
    m_limit = limit;
    m_model->setEntries(entries);
    updatePlaceholder();

    const bool kept = selected != 0 && selectEntry(selected);
    if (!kept && firstSnapshot && m_proxy->rowCount() > 0) {
        m_view->selectionModel()->setCurrentIndex(
            m_proxy->index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else if (!kept) {
        m_detail->clear();
    }
    updateCount();
}

void AuditPage::requestVerification()
{
    m_banner->setRunning();
    m_verify->setEnabled(false); // one walk of the chain at a time
    Q_EMIT verifyRequested();
}

void AuditPage::showVerification(const Security::AuditVerification &result)
{
    m_verify->setEnabled(m_storeOpen);
    m_banner->setResult(result);
}

void AuditPage::showError(const QString &message)
{
    if (m_banner->state() == VerificationBanner::State::Running) {
        m_verify->setEnabled(m_storeOpen);
        m_banner->setFailed(message);
    }
    if (m_loading) {
        m_loading = false;
        updateCount();
    }
}

void AuditPage::setStoreOpen(bool open)
{
    m_storeOpen = open;
    m_reload->setEnabled(open);
    // Re-enabled by the answer when a verification is still running.
    m_verify->setEnabled(open && m_banner->state() != VerificationBanner::State::Running);
    updatePlaceholder();
}

void AuditPage::updatePlaceholder()
{
    const bool hasRows = m_storeOpen && m_model->rowCount() > 0;
    if (!m_storeOpen)
        m_placeholder->setText(tr("The audit log is shown once the store is open."));
    else if (m_loaded)
        m_placeholder->setText(
            tr("No audit entries yet.\nEvery change made through Concord will be listed here."));
    else
        m_placeholder->clear(); // loading: the count line says so
    m_content->setCurrentIndex(hasRows ? 0 : 1);
}

void AuditPage::setLoading()
{
    m_loading = true;
    updateCount();
}

bool AuditPage::selectEntry(qint64 seq)
{
    const int sourceRow = m_model->rowForSeq(seq);
    if (sourceRow < 0)
        return false;
    QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        m_filter->clear(); // the filter hid it; the user asked for this entry explicitly
        index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    }
    m_view->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
    return true;
}

QString AuditPage::countText() const
{
    return m_count->text();
}

void AuditPage::updateCount()
{
    if (m_loading) {
        m_count->setText(tr("Loading…"));
        return;
    }
    if (!m_loaded) {
        m_count->clear();
        return;
    }
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    if (shown != total) {
        m_count->setText(tr("%1 of %Ln entries", nullptr, total).arg(QLocale().toString(shown)));
    } else if (m_limit > 0 && total >= m_limit) {
        m_count->setText(tr("Newest %Ln entries", nullptr, total));
    } else {
        m_count->setText(tr("%Ln entries", nullptr, total));
    }
}

void AuditPage::showCurrentEntry()
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid()) {
        m_detail->clear();
        return;
    }
    m_detail->setEntry(current.data(AuditLogModel::EntryRole).value<AuditEntry>());
}

} // namespace Concord::Ui
