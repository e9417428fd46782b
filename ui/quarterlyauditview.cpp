#include "quarterlyauditview.h"

#include "localtimedelegate.h"
#include "pageheader.h"
#include "quarterlyauditmodels.h"
#include "stattile.h"
#include "theme.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Ui {

using namespace Concord::Review;

namespace {

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

QLabel *wrapped(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

QuarterlyAuditView::QuarterlyAuditView(QWidget *parent)
    : QWidget(parent)
{
    m_changed = new ChangedMappingsModel(this);
    m_mappingFindings = new AuditFindingsModel(this);
    m_users = new UserAccessModel(this);
    m_permissionFindings = new AuditFindingsModel(this);
    m_duplicates = new DuplicateGroupsModel(this);
    m_storageFindings = new AuditFindingsModel(this);

    auto *header = new PageHeader(tr("Quarterly audit"),
                                  tr("Field mappings, permissions and invoice-PDF storage, checked once a quarter. "
                                     "Read-only: nothing is changed anywhere."),
                                  this);
    m_run = new QPushButton(tr("Run audit"), this);
    m_run->setObjectName(u"runAuditButton"_s);
    m_run->setDefault(true);
    connect(m_run, &QPushButton::clicked, this, &QuarterlyAuditView::requestAudit);
    header->addTrailingWidget(m_run);

    m_banner = wrapped(this);
    m_banner->setObjectName(u"quarterlyAuditFailure"_s);
    m_banner->setContentsMargins(10, 6, 10, 6);
    m_banner->setStyleSheet(u"QLabel { background: %1; border: 1px solid %2; border-radius: 6px; color: %3; }"_s.arg(
        Theme::toneBackground(Theme::Tone::Bad).name(), Theme::toneColor(Theme::Tone::Bad).name(),
        Theme::toneText(Theme::Tone::Bad).name()));
    m_banner->hide();
    m_status = wrapped(this);
    m_status->setObjectName(u"quarterlyAuditStatus"_s);

    m_tabs = new QTabWidget(this);

    // --- mappings --------------------------------------------------------------------
    auto *mappings = new QWidget(m_tabs);
    auto *ml = new QVBoxLayout(mappings);
    auto *mtiles = new QHBoxLayout;
    m_changedTile = new StatTile(tr("Changed since last review"), mappings);
    m_unusedTile = new StatTile(tr("Unused"), mappings);
    m_conflictTile = new StatTile(tr("Conflicting authority"), mappings);
    for (StatTile *t : {m_changedTile, m_unusedTile, m_conflictTile})
        mtiles->addWidget(t);
    ml->addLayout(mtiles);
    m_mappingSummary = wrapped(mappings);
    ml->addWidget(m_mappingSummary);
    ml->addWidget(section(mappings, tr("Changed since the last quarterly review"), m_changed,
                          tr("No mapping changed since the last quarterly review."),
                          {ChangedMappingsModel::ChangedAt}),
                  1);
    ml->addWidget(section(mappings, tr("Unused and conflicting mappings"), m_mappingFindings,
                          tr("Every mapping carried data and no two disagree on who owns a field.")),
                  1);
    m_tabs->addTab(mappings, tr("Mappings"));

    // --- permissions ------------------------------------------------------------------
    auto *permissions = new QWidget(m_tabs);
    auto *pl = new QVBoxLayout(permissions);
    auto *ptiles = new QHBoxLayout;
    m_usersTile = new StatTile(tr("Active users"), permissions);
    m_permissionTile = new StatTile(tr("Findings"), permissions);
    ptiles->addWidget(m_usersTile);
    ptiles->addWidget(m_permissionTile);
    pl->addLayout(ptiles);
    pl->addWidget(section(permissions, tr("Findings"), m_permissionFindings,
                          tr("One owner, edit rights only where needed, and everyone signed in lately.")),
                  1);
    pl->addWidget(section(permissions, tr("Who can do what"), m_users, tr("No active users."),
                          {UserAccessModel::LastSignIn}),
                  2);
    m_tabs->addTab(permissions, tr("Permissions"));

    // --- storage --------------------------------------------------------------------------
    auto *storage = new QWidget(m_tabs);
    auto *sl = new QVBoxLayout(storage);
    auto *stiles = new QHBoxLayout;
    m_cachedTile = new StatTile(tr("Cached PDFs"), storage);
    m_expiredTile = new StatTile(tr("Past retention"), storage);
    m_duplicateTile = new StatTile(tr("Copied into HubSpot"), storage);
    for (StatTile *t : {m_cachedTile, m_expiredTile, m_duplicateTile})
        stiles->addWidget(t);
    sl->addLayout(stiles);
    m_storageSummary = wrapped(storage);
    m_storageSummary->setObjectName(u"storageSummary"_s);
    sl->addWidget(m_storageSummary);
    sl->addWidget(section(storage, tr("Invoice PDFs duplicated in HubSpot (same bytes)"), m_duplicates,
                          tr("No invoice PDF is stored twice in HubSpot.")),
                  2);
    sl->addWidget(section(storage, tr("Cache files to look at"), m_storageFindings,
                          tr("Every cached file is named, present and within retention.")),
                  1);
    m_tabs->addTab(storage, tr("Storage"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    for (StatTile *t : findChildren<StatTile *>())
        t->setValue(-1);
    setStatus(tr("No audit yet. Run one to see this quarter's findings."));
    updateSections();
    updateRunButton();
}

QWidget *QuarterlyAuditView::section(QWidget *parent, const QString &title, QAbstractItemModel *model,
                                     const QString &emptyText, QList<int> timeColumns)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(heading(title, box));
    Section s;
    s.model = model;
    s.stack = new QStackedWidget(box);
    s.view = new QTableView(s.stack);
    s.view->setModel(model);
    s.view->setSelectionBehavior(QAbstractItemView::SelectRows);
    s.view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Advice and explanations are sentences: wrap them rather than elide.
    s.view->setWordWrap(true);
    s.view->setAlternatingRowColors(true);
    s.view->verticalHeader()->hide();
    s.view->horizontalHeader()->setStretchLastSection(true);
    s.view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    s.view->horizontalHeader()->setDefaultSectionSize(150);
    for (int column : timeColumns)
        s.view->setItemDelegateForColumn(column, new LocalTimeDelegate(s.view));
    s.emptyText = emptyText;
    s.empty = new QLabel(emptyText, s.stack);
    s.empty->setAlignment(Qt::AlignCenter);
    s.empty->setWordWrap(true);
    s.empty->setStyleSheet(u"color: %1;"_s.arg(Theme::mutedText().name()));
    s.stack->addWidget(s.view);
    s.stack->addWidget(s.empty);
    layout->addWidget(s.stack, 1);
    m_sections.append(s);
    return box;
}

void QuarterlyAuditView::setAudit(const QuarterlyAudit &audit)
{
    m_running = false;
    m_hasAudit = true;
    m_banner->hide();
    m_banner->clear();

    m_changed->setChanges(audit.mappings.changed);
    m_mappingFindings->setRows(AuditFindingsModel::mappingRows(audit.mappings));
    m_users->setUsers(audit.permissions.users);
    m_permissionFindings->setRows(AuditFindingsModel::permissionRows(audit.permissions));
    m_duplicates->setGroups(audit.storage.duplicates);
    m_storageFindings->setRows(AuditFindingsModel::storageRows(audit.storage));

    m_changedTile->setValue(audit.mappings.changed.size());
    m_unusedTile->setValue(audit.mappings.unused.size());
    m_unusedTile->setAlert(!audit.mappings.unused.isEmpty());
    m_conflictTile->setValue(audit.mappings.conflicts.size());
    m_conflictTile->setAlert(!audit.mappings.conflicts.isEmpty());
    m_usersTile->setValue(audit.permissions.users.size());
    m_permissionTile->setValue(audit.permissions.findings.size());
    m_permissionTile->setAlert(!audit.permissions.findings.isEmpty());
    m_cachedTile->setValue(audit.storage.cachedCount);
    m_expiredTile->setValue(audit.storage.expiredCount);
    m_expiredTile->setAlert(audit.storage.expiredCount > 0);
    m_duplicateTile->setValue(audit.storage.crmScanned ? audit.storage.duplicates.size() : -1);
    m_duplicateTile->setAlert(!audit.storage.duplicates.isEmpty());

    m_mappingSummary->setText(
        audit.mappings.since.isValid()
            ? tr("%1 field and %2 status mappings, compared with the review of %3.")
                  .arg(audit.mappings.fieldMappingCount)
                  .arg(audit.mappings.statusMappingCount)
                  .arg(LocalTimeDelegate::format(audit.mappings.since))
            : tr("%1 field and %2 status mappings. No quarterly review was completed yet, so every mapping "
                 "counts as changed.")
                  .arg(audit.mappings.fieldMappingCount)
                  .arg(audit.mappings.statusMappingCount));

    const StorageAudit &s = audit.storage;
    QStringList parts;
    parts << (s.directory.isEmpty() ? tr("No PDF cache folder is configured.")
                                    : tr("Cache %1: %n PDF(s), %2.", nullptr, int(s.cachedCount))
                                          .arg(s.directory, humanSize(s.cachedBytes)));
    parts << (s.retentionDays > 0 ? tr("Retention %n day(s); %1 past it.", nullptr, s.retentionDays)
                                        .arg(humanSize(s.expiredBytes))
                                  : tr("Copies are kept forever (retention 0)."));
    if (!s.orphanFiles.isEmpty())
        parts << tr("%n orphan file(s), %1.", nullptr, int(s.orphanFiles.size())).arg(humanSize(s.orphanBytes));
    parts << (s.crmScanned ? tr("HubSpot: %n PDF(s) compared by SHA-256, %1 wasted.", nullptr,
                                int(s.crmFilesScanned))
                                 .arg(humanSize(s.wastedBytes))
                           : tr("HubSpot was not scanned (not connected)."));
    m_storageSummary->setText(parts.join(u' '));

    m_tabs->setTabText(MappingsTab, tr("Mappings (%1)").arg(audit.mappings.unused.size() + audit.mappings.conflicts.size()));
    m_tabs->setTabText(PermissionsTab, tr("Permissions (%1)").arg(audit.permissions.findings.size()));
    m_tabs->setTabText(StorageTab,
                       tr("Storage (%1)").arg(audit.storage.duplicates.size() + m_storageFindings->rowCount()));

    const int findings = audit.findingCount();
    setStatus(findings == 0 ? tr("Audit of %1: nothing to act on.").arg(LocalTimeDelegate::format(audit.generatedAt))
                            : tr("Audit of %1: %n finding(s) to look at.", nullptr, findings)
                                  .arg(LocalTimeDelegate::format(audit.generatedAt)));
    updateSections();
    updateRunButton();
}

void QuarterlyAuditView::setActor(Domain::Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    updateRunButton();
}

void QuarterlyAuditView::showFailure(const QString &message)
{
    m_running = false;
    m_banner->setText(tr("The audit could not be made: %1").arg(message));
    m_banner->show();
    if (!m_hasAudit)
        setStatus(tr("No audit yet."));
    else
        setStatus(m_status->text());
    updateRunButton();
}

void QuarterlyAuditView::requestAudit()
{
    if (!canRun() || m_running)
        return;
    m_running = true;
    m_banner->hide();
    setStatus(tr("Running the audit… (HubSpot's files are downloaded and hashed; this can take a minute.)"));
    updateRunButton();
    Q_EMIT auditRequested();
}

bool QuarterlyAuditView::canRun() const
{
    return !m_username.isEmpty();
}

void QuarterlyAuditView::updateRunButton()
{
    m_run->setEnabled(canRun() && !m_running);
    m_run->setText(m_running ? tr("Running…") : tr("Run audit"));
    m_run->setToolTip(canRun() ? tr("Check mappings, permissions and storage now (read-only).")
                               : tr("Sign in to run the audit."));
}

void QuarterlyAuditView::updateSections()
{
    for (const Section &s : std::as_const(m_sections)) {
        s.stack->setCurrentIndex(s.model->rowCount() == 0 ? 1 : 0);
        if (s.model->rowCount() > 0) {
            // Short columns fit their text (at most 300 px, the tooltip has
            // the rest); the last one takes what is left and wraps.
            s.view->resizeColumnsToContents();
            for (int c = 0; c + 1 < s.model->columnCount(); ++c)
                s.view->setColumnWidth(c, std::min(s.view->columnWidth(c) + 8, 300));
            s.view->resizeRowsToContents();
        }
        s.empty->setText(m_hasAudit ? s.emptyText : tr("Run the audit to fill this in."));
    }
}

void QuarterlyAuditView::setStatus(const QString &text)
{
    m_status->setText(text);
}

QString QuarterlyAuditView::statusText() const
{
    return m_status->text();
}

QString QuarterlyAuditView::failureText() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

QString QuarterlyAuditView::tabTitle(Tab tab) const
{
    return m_tabs->tabText(tab);
}

QString QuarterlyAuditView::storageSummary() const
{
    return m_storageSummary->text();
}

QAbstractItemModel *QuarterlyAuditView::changedModel() const { return m_changed; }
QAbstractItemModel *QuarterlyAuditView::mappingFindingsModel() const { return m_mappingFindings; }
QAbstractItemModel *QuarterlyAuditView::usersModel() const { return m_users; }
QAbstractItemModel *QuarterlyAuditView::permissionFindingsModel() const { return m_permissionFindings; }
QAbstractItemModel *QuarterlyAuditView::duplicatesModel() const { return m_duplicates; }
QAbstractItemModel *QuarterlyAuditView::storageFindingsModel() const { return m_storageFindings; }

bool QuarterlyAuditView::isShowingEmptyState(const QAbstractItemModel *model) const
{
    for (const Section &s : m_sections) {
        if (s.model == model)
            return s.stack->currentIndex() == 1;
    }
    return false;
}

QString QuarterlyAuditView::emptyStateText(const QAbstractItemModel *model) const
{
    for (const Section &s : m_sections) {
        if (s.model == model)
            return s.empty->text();
    }
    return {};
}

void QuarterlyAuditView::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

} // namespace Concord::Ui
