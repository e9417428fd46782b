// The retry queue page: its table model (plain words, stable rows across
// snapshots, sorting), its filter, and the page's workflows — retry one, bulk
// retry of what the filters show, edit-and-retry, link, dismiss — each through
// its confirmation, gated by the role, and reachable by keyboard.
#include "retryqueuefilterproxymodel.h"
#include "retryqueuemodel.h"
#include "retryqueuepage.h"
#include "theme.h"

#include "common/clock.h"
#include "sync/jobs.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPersistentModelIndex>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using Concord::ManualClock;
using Concord::Domain::JobState;
using Concord::Domain::OutboxJob;
using Concord::Domain::Role;
using Concord::Domain::System;
using Concord::Services::JobOutcome;
using namespace Concord::Ui;
namespace Jobs = Concord::Sync::Jobs;

using StateFilter = RetryQueueFilterProxyModel::StateFilter;
using AgeFilter = RetryQueueFilterProxyModel::AgeFilter;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-03-28T12:00:00Z"), Qt::ISODate);

const QByteArray kInvoicePayload = R"({"customerId":"cus_7","txnDate":"2026-03-27",)"
                                   R"("lines":[{"amount":"65.00","quantity":"1","rate":"65.00"}]})";

OutboxJob job(qint64 id, System system, QStringView operation, const QString &entityType,
              const QString &entityId, JobState state, int attempts, qint64 ageSecs)
{
    OutboxJob j;
    j.id = id;
    j.targetSystem = system;
    j.operation = operation.toString();
    j.entityType = entityType;
    j.entityId = entityId;
    j.state = state;
    j.attempts = attempts;
    j.createdAt = kNow.addSecs(-ageSecs);
    j.updatedAt = kNow.addSecs(-60);
    j.nextAttemptAt = j.createdAt;
    j.payloadJson = "{}";
    j.idempotencyKey = QStringLiteral("key-%1").arg(id);
    return j;
}

// One of each situation the page must word: refused by the remote system,
// throttled and waiting, gone remotely, being sent, never tried, and failed
// without the engine's sentence (code only). Oldest first, as the store lists them.
QList<OutboxJob> sampleJobs()
{
    OutboxJob invoice =
        job(11, System::QuickBooks, Jobs::QboInvoiceCreate, QStringLiteral("invoice-plan"),
            QStringLiteral("2026-03/cus_7"), JobState::Failed, 3, 26 * 3600);
    invoice.lastErrorCode = QStringLiteral("remote-validation");
    invoice.lastErrorMessage = QStringLiteral(
        "QuickBooks refused the invoice: Amount is required; correct it and use Retry.");
    invoice.lastErrorDetail = QStringLiteral("ValidationFault 2020: Required param missing");
    invoice.lastHttpStatus = 400;
    invoice.lastRequestId = QStringLiteral("qbo-req-11");
    invoice.payloadJson = kInvoicePayload;

    OutboxJob contact =
        job(12, System::HubSpot, Jobs::HubSpotContactEnsure, QStringLiteral("customer"),
            QStringLiteral("42"), JobState::Pending, 2, 2 * 3600);
    contact.nextAttemptAt = kNow.addSecs(12 * 60);
    contact.lastErrorCode = QStringLiteral("throttled");
    contact.lastErrorMessage =
        QStringLiteral("HubSpot is rate-limiting Concord; will retry at 12:12.");
    contact.lastHttpStatus = 429;
    contact.lastRequestId = QStringLiteral("hs-req-12");
    contact.payloadJson = R"({"email":"ana@example.org","givenName":"Ana"})";

    OutboxJob deal =
        job(13, System::HubSpot, Jobs::HubSpotDealUpsert, QStringLiteral("appointment"),
            QStringLiteral("9"), JobState::Failed, 1, 8 * 24 * 3600);
    deal.lastErrorCode = QStringLiteral("not-found");
    deal.lastErrorMessage =
        QStringLiteral("The deal no longer exists in HubSpot (deleted or made inactive).");

    OutboxJob cancel =
        job(14, System::CalCom, Jobs::CalcomBookingCancel, QStringLiteral("appointment"),
            QStringLiteral("10"), JobState::InFlight, 1, 10 * 60);
    cancel.nextAttemptAt = kNow.addSecs(-5 * 60);

    OutboxJob customer =
        job(15, System::QuickBooks, Jobs::QboCustomerEnsure, QStringLiteral("customer"),
            QStringLiteral("7"), JobState::Pending, 0, 30);
    customer.nextAttemptAt = kNow.addSecs(-1);

    OutboxJob task = job(16, System::HubSpot, Jobs::HubSpotTaskClose, QStringLiteral("invoice"),
                         QStringLiteral("5"), JobState::Failed, 5, 3 * 3600);
    task.lastErrorCode = QStringLiteral("network");

    return { deal, invoice, task, contact, cancel, customer };
}

QList<qint64> idsInView(const QAbstractItemModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(RetryQueueModel::JobIdRole).toLongLong();
    return ids;
}

// Answers the page's dialogs in place: keeps the last one presented.
class DialogCatcher {
public:
    explicit DialogCatcher(RetryQueuePage &page)
    {
        page.setDialogPresenter([this](QDialog *dialog) {
            m_last = dialog;
            ++m_count;
        });
    }
    [[nodiscard]] QDialog *last() const { return m_last; }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] QPushButton *confirm() const
    {
        return m_last ? m_last->findChild<QPushButton *>(QStringLiteral("confirmButton")) : nullptr;
    }

private:
    QPointer<QDialog> m_last;
    int m_count = 0;
};

// A page with the sample loaded, as the composition root leaves it.
void load(RetryQueuePage &page, Role role = Role::Owner)
{
    page.setStoreOpen(true);
    page.setRole(role);
    page.setJobs(sampleJobs());
}

} // namespace

class TestRetryQueuePage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelPassesTester();
    void proxyPassesTester();
    void columnsAndHeaders();
    void displayAndRoles();
    void rowsKeepTheirIdentityAcrossSnapshots();
    void everyOperationHasWords_data();
    void everyOperationHasWords();
    void durations_data();
    void durations();
    void filter_data();
    void filter();
    void ageFilterFollowsTheClock();
    void sorting_data();
    void sorting();
    void freshFailuresLeadTheDefaultSort();
    void recordsNameTheirClient();
    void relativeTimesFollowTheClock();
    void emptyAndClosedStates();
    void detailPaneShowsCurrentJob();
    void selectionSurvivesSnapshot();
    void retryOne();
    void retryCancelledSendsNothing();
    void bulkRetryOfFilteredRows();
    void retryOfSelectionSkipsJobsInFlight();
    void editAndRetryValidatesJson();
    void editUnavailableForDeals();
    void linkToExistingRecord();
    void linkUnavailableWithoutRecordToLink();
    void dismissRequiresReason();
    void permissionReasonFromRoleMatrix();
    void rolesWithoutPermissionSeeActionsDisabled_data();
    void rolesWithoutPermissionSeeActionsDisabled();
    void retryOutcomesAreReported();
    void keyboardReachesEveryControl();
    void mnemonicsReachFiltersAndActions();
};

void TestRetryQueuePage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::initResources();
    auto *english = new QTranslator(this);
    QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
    QCoreApplication::installTranslator(english);
}

void TestRetryQueuePage::modelPassesTester()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs(sampleJobs());
    QCOMPARE(model.rowCount(), 6);
    // Removal in the middle and at both ends, in-place updates, appends.
    QList<OutboxJob> next = sampleJobs();
    next.removeAt(5);
    next.removeAt(2);
    next.removeAt(0);
    next[0].attempts = 4;
    next.append(job(20, System::CalCom, Jobs::CalcomBookingDecline, QStringLiteral("appointment"),
                    QStringLiteral("20"), JobState::Pending, 0, 5));
    model.setJobs(next);
    QCOMPARE(model.rowCount(), 4);
    model.refreshTimes();
    model.setJobs({});
    QCOMPARE(model.rowCount(), 0);
    model.setJobs(sampleJobs());
    QCOMPARE(model.rowCount(), 6);
}

void TestRetryQueuePage::proxyPassesTester()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    RetryQueueFilterProxyModel proxy(clock);
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJobs(sampleJobs());
    proxy.sort(RetryQueueModel::NextTry, Qt::AscendingOrder);
    proxy.setSystemFilter(System::HubSpot);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setStateFilter(StateFilter::NeedsAttention);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setAgeFilter(AgeFilter::OlderThanWeek);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("deal"));
    QCOMPARE(proxy.rowCount(), 1);
    model.setJobs(sampleJobs().mid(1));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setSystemFilter(std::nullopt);
    proxy.setStateFilter(StateFilter::All);
    proxy.setAgeFilter(AgeFilter::Any);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), 5);
    model.setJobs({});
    QCOMPARE(proxy.rowCount(), 0);
}

void TestRetryQueuePage::columnsAndHeaders()
{
    RetryQueueModel model;
    QCOMPARE(model.columnCount(), 8);
    const QStringList expected = { QStringLiteral("System"),         QStringLiteral("What"),
                                   QStringLiteral("Record"),         QStringLiteral("State"),
                                   QStringLiteral("Attempts"),       QStringLiteral("Cause"),
                                   QStringLiteral("Next try / age"), QStringLiteral("Request id") };
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.headerData(column, Qt::Horizontal).toString(), expected.at(column));
    model.setJobs(sampleJobs());
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.columnCount(model.index(0, 0)), 0);
}

void TestRetryQueuePage::displayAndRoles()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    model.setJobs(sampleJobs());
    const auto cell = [&model](qint64 id, RetryQueueModel::Column column,
                               int role = Qt::DisplayRole) {
        return model.index(model.rowForJob(id), column).data(role);
    };

    QCOMPARE(cell(11, RetryQueueModel::TargetSystem).toString(), QStringLiteral("QuickBooks"));
    QCOMPARE(cell(11, RetryQueueModel::What).toString(),
             QStringLiteral("Create invoice in QuickBooks"));
    QCOMPARE(cell(11, RetryQueueModel::Record).toString(),
             QStringLiteral("Planned invoice 2026-03/cus_7"));
    QCOMPARE(cell(11, RetryQueueModel::State).toString(), QStringLiteral("Needs attention"));
    QCOMPARE(cell(11, RetryQueueModel::Attempts).toInt(), 3);
    QCOMPARE(cell(11, RetryQueueModel::Cause).toString(),
             QStringLiteral("QuickBooks refused the invoice: Amount is required; correct it and "
                            "use Retry."));
    QCOMPARE(cell(11, RetryQueueModel::NextTry).toString(), QStringLiteral("waiting 26 h"));
    QCOMPARE(cell(11, RetryQueueModel::RequestId).toString(), QStringLiteral("qbo-req-11"));

    // The technical detail is the tooltip: code, HTTP status, remote text, request id.
    const QString technical = cell(11, RetryQueueModel::State, Qt::ToolTipRole).toString();
    QCOMPARE(technical,
             QStringLiteral("Error: remote-validation\nHTTP status: 400\nValidationFault 2020: "
                            "Required param missing\nRequest id: qbo-req-11"));
    QVERIFY(cell(11, RetryQueueModel::Cause, Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("QuickBooks refused the invoice")));
    QVERIFY(cell(11, RetryQueueModel::Cause, Qt::ToolTipRole).toString().contains(technical));
    QCOMPARE(cell(11, RetryQueueModel::What, Qt::ToolTipRole).toString(),
             QStringLiteral("Create invoice in QuickBooks\nJob #11: quickbooks.invoice.create"));

    // Each state's words and timing.
    QCOMPARE(cell(12, RetryQueueModel::State).toString(), QStringLiteral("Will retry"));
    QCOMPARE(cell(12, RetryQueueModel::NextTry).toString(), QStringLiteral("in 12 min"));
    QCOMPARE(cell(14, RetryQueueModel::State).toString(), QStringLiteral("Sending"));
    QCOMPARE(cell(14, RetryQueueModel::NextTry).toString(), QStringLiteral("sending now"));
    QCOMPARE(cell(15, RetryQueueModel::State).toString(), QStringLiteral("Waiting"));
    QCOMPARE(cell(15, RetryQueueModel::NextTry).toString(), QStringLiteral("due now"));
    QCOMPARE(cell(15, RetryQueueModel::Cause).toString(), QStringLiteral("Not tried yet."));
    // No sentence from the engine: one from the error code.
    QCOMPARE(cell(16, RetryQueueModel::Cause).toString(),
             QStringLiteral("Concord could not reach HubSpot."));
    QCOMPARE(cell(16, RetryQueueModel::Record).toString(), QStringLiteral("Invoice 5"));
    QCOMPARE(cell(13, RetryQueueModel::Record).toString(), QStringLiteral("Appointment 9"));
    QCOMPARE(cell(14, RetryQueueModel::TargetSystem).toString(), QStringLiteral("Cal.com"));
    // An operation this version does not know is still shown, by name.
    OutboxJob unknown = sampleJobs().first();
    unknown.operation = QStringLiteral("quickbooks.estimate.create");
    QVERIFY(RetryQueueModel::operationText(unknown.operation).isEmpty());
    QCOMPARE(RetryQueueModel::whatText(unknown),
             QStringLiteral("“quickbooks.estimate.create” in HubSpot"));

    // Roles every column carries.
    for (int column = 0; column < RetryQueueModel::ColumnCount; ++column) {
        const QModelIndex index = model.index(model.rowForJob(13), column);
        QCOMPARE(index.data(RetryQueueModel::JobIdRole).toLongLong(), 13);
        QCOMPARE(index.data(RetryQueueModel::SystemRole).toInt(), int(System::HubSpot));
        QCOMPARE(index.data(RetryQueueModel::StateRole).toInt(), int(JobState::Failed));
        QCOMPARE(index.data(RetryQueueModel::CreatedAtRole).toDateTime(),
                 kNow.addSecs(-8 * 24 * 3600));
        QVERIFY(!index.data(Qt::AccessibleTextRole).toString().isEmpty());
    }
    QCOMPARE(cell(11, RetryQueueModel::Attempts, Qt::AccessibleTextRole).toString(),
             QStringLiteral("3 attempts"));
    QCOMPARE(cell(11, RetryQueueModel::State, Qt::AccessibleTextRole).toString(),
             QStringLiteral("State: Needs attention"));
    // A coloured dot says the state at a glance (the text says it too).
    QVERIFY(cell(11, RetryQueueModel::State, Qt::DecorationRole).canConvert<QPixmap>());
    QVERIFY(!cell(11, RetryQueueModel::Cause, Qt::DecorationRole).isValid());
    QCOMPARE(cell(11, RetryQueueModel::Attempts, Qt::TextAlignmentRole).value<Qt::Alignment>(),
             Qt::AlignRight | Qt::AlignVCenter);
    // Sort keys are raw: numbers and instants.
    QCOMPARE(cell(11, RetryQueueModel::Attempts, RetryQueueModel::SortRole).metaType(),
             QMetaType::fromType<int>());
    QCOMPARE(cell(11, RetryQueueModel::NextTry, RetryQueueModel::SortRole).toLongLong(),
             kNow.addSecs(-26 * 3600).toMSecsSinceEpoch());
}

void TestRetryQueuePage::rowsKeepTheirIdentityAcrossSnapshots()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    model.setJobs(sampleJobs());
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QPersistentModelIndex deal(model.index(model.rowForJob(13), RetryQueueModel::Attempts));
    const QPersistentModelIndex customer(model.index(model.rowForJob(15), 0));

    QList<OutboxJob> next = sampleJobs();
    next.removeIf([](const OutboxJob &j) { return j.id == 11 || j.id == 12; });
    next[0].attempts = 2; // job 13 was tried again
    next.prepend(job(21, System::QuickBooks, Jobs::QboInvoiceVoid, QStringLiteral("invoice"),
                     QStringLiteral("21"), JobState::Failed, 1, 60));
    next.append(next.at(1)); // a repeated id counts once
    model.setJobs(next);

    QCOMPARE(resets.size(), 0);
    QCOMPARE(model.rowCount(), 5);
    QVERIFY(deal.isValid());
    QCOMPARE(deal.data(RetryQueueModel::JobIdRole).toLongLong(), 13);
    QCOMPARE(deal.data().toInt(), 2);
    QVERIFY(customer.isValid());
    QCOMPARE(customer.data(RetryQueueModel::JobIdRole).toLongLong(), 15);
    // Kept rows stay in place, new ones come last.
    QCOMPARE(idsInView(model), (QList<qint64> { 13, 16, 14, 15, 21 }));
    QCOMPARE(model.rowForJob(21), 4);
    QCOMPARE(model.rowForJob(11), -1);
    QVERIFY(!model.job(12));
    QCOMPARE(model.job(13)->attempts, 2);
}

void TestRetryQueuePage::everyOperationHasWords_data()
{
    // Read the vocabulary from core/sync/jobs.h itself, so an operation added
    // there without words here fails this test.
    QTest::addColumn<QString>("operation");
    QFile header(QStringLiteral(CONCORD_SOURCE_DIR "/core/sync/jobs.h"));
    QVERIFY(header.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(header.readAll());
    static const QRegularExpression constant(
        QStringLiteral(R"re(inline\s+constexpr\s+QStringView\s+(\w+)\s*=\s*u"([^"]+)")re"));
    int operations = 0;
    for (const QRegularExpressionMatch &match : constant.globalMatch(text)) {
        // Kinds of source change ("appointment") are not operations ("system.thing.verb").
        if (!match.captured(2).contains(QLatin1Char('.')))
            continue;
        QTest::newRow(qPrintable(match.captured(1))) << match.captured(2);
        ++operations;
    }
    QVERIFY2(operations >= 13, "core/sync/jobs.h lists fewer operations than expected");
}

void TestRetryQueuePage::everyOperationHasWords()
{
    QFETCH(QString, operation);
    const QString words = RetryQueueModel::operationText(operation);
    QVERIFY2(!words.isEmpty(), qPrintable(operation));
    QVERIFY(!words.contains(operation));
    // Each operation names the system it is sent to.
    const QString system = operation.section(QLatin1Char('.'), 0, 0);
    const QString systemName = system == u"quickbooks" ? QStringLiteral("QuickBooks")
        : system == u"hubspot"                         ? QStringLiteral("HubSpot")
                                                       : QStringLiteral("Cal.com");
    QVERIFY2(words.contains(systemName), qPrintable(words));

    // And no two operations read the same.
    static QHash<QString, QString> seen;
    QVERIFY2(!seen.contains(words) || seen.value(words) == operation, qPrintable(words));
    seen.insert(words, operation);
}

void TestRetryQueuePage::durations_data()
{
    QTest::addColumn<qint64>("secs");
    QTest::addColumn<QString>("text");
    QTest::newRow("negative is now") << qint64(-5) << QStringLiteral("0 s");
    QTest::newRow("seconds") << qint64(45) << QStringLiteral("45 s");
    QTest::newRow("minutes round down") << qint64(12 * 60 + 59) << QStringLiteral("12 min");
    QTest::newRow("hours") << qint64(5 * 3600) << QStringLiteral("5 h");
    QTest::newRow("yesterday still in hours") << qint64(36 * 3600) << QStringLiteral("36 h");
    QTest::newRow("days") << qint64(3 * 86400 + 7200) << QStringLiteral("3 d");
}

void TestRetryQueuePage::durations()
{
    QFETCH(qint64, secs);
    QFETCH(QString, text);
    QCOMPARE(RetryQueueModel::durationText(secs), text);
}

void TestRetryQueuePage::filter_data()
{
    QTest::addColumn<int>("system"); // -1 = any
    QTest::addColumn<StateFilter>("state");
    QTest::addColumn<AgeFilter>("age");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("ids"); // in source order

    const QList<qint64> all = { 13, 11, 16, 12, 14, 15 };
    QTest::newRow("nothing set shows all")
        << -1 << StateFilter::All << AgeFilter::Any << QString() << all;
    QTest::newRow("one system") << int(System::HubSpot) << StateFilter::All << AgeFilter::Any
                                << QString() << QList<qint64> { 13, 16, 12 };
    QTest::newRow("needs attention is failed")
        << -1 << StateFilter::NeedsAttention << AgeFilter::Any << QString()
        << QList<qint64> { 13, 11, 16 };
    QTest::newRow("waiting is pending or in flight") << -1 << StateFilter::Waiting << AgeFilter::Any
                                                     << QString() << QList<qint64> { 12, 14, 15 };
    QTest::newRow("older than an hour") << -1 << StateFilter::All << AgeFilter::OlderThanHour
                                        << QString() << QList<qint64> { 13, 11, 16, 12 };
    QTest::newRow("older than a day") << -1 << StateFilter::All << AgeFilter::OlderThanDay
                                      << QString() << QList<qint64> { 13, 11 };
    QTest::newRow("older than a week")
        << -1 << StateFilter::All << AgeFilter::OlderThanWeek << QString() << QList<qint64> { 13 };
    QTest::newRow("text in the cause, any case")
        << -1 << StateFilter::All << AgeFilter::Any << QStringLiteral("RATE-LIMITING")
        << QList<qint64> { 12 };
    QTest::newRow("every word must match")
        << -1 << StateFilter::All << AgeFilter::Any << QStringLiteral("appointment hubspot")
        << QList<qint64> { 13 };
    QTest::newRow("request id") << -1 << StateFilter::All << AgeFilter::Any
                                << QStringLiteral("qbo-req-11") << QList<qint64> { 11 };
    QTest::newRow("raw operation and error code")
        << -1 << StateFilter::All << AgeFilter::Any << QStringLiteral("hubspot.task.close network")
        << QList<qint64> { 16 };
    QTest::newRow("job number") << -1 << StateFilter::All << AgeFilter::Any << QStringLiteral("#14")
                                << QList<qint64> { 14 };
    QTest::newRow("all filters together")
        << int(System::QuickBooks) << StateFilter::NeedsAttention << AgeFilter::OlderThanDay
        << QStringLiteral("invoice") << QList<qint64> { 11 };
    QTest::newRow("nothing matches") << int(System::CalCom) << StateFilter::NeedsAttention
                                     << AgeFilter::Any << QString() << QList<qint64> {};
}

void TestRetryQueuePage::filter()
{
    QFETCH(int, system);
    QFETCH(StateFilter, state);
    QFETCH(AgeFilter, age);
    QFETCH(QString, text);
    QFETCH(QList<qint64>, ids);

    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    RetryQueueFilterProxyModel proxy(clock);
    proxy.setSourceModel(&model);
    model.setJobs(sampleJobs());
    proxy.setSystemFilter(system < 0 ? std::nullopt : std::optional<System>(System(system)));
    proxy.setStateFilter(state);
    proxy.setAgeFilter(age);
    proxy.setFilterText(text);
    QCOMPARE(idsInView(proxy), ids);
    QCOMPARE(proxy.isFiltering(),
             system >= 0 || state != StateFilter::All || age != AgeFilter::Any || !text.isEmpty());
}

void TestRetryQueuePage::ageFilterFollowsTheClock()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    RetryQueueFilterProxyModel proxy(clock);
    proxy.setSourceModel(&model);
    model.setJobs(sampleJobs());
    proxy.setAgeFilter(AgeFilter::OlderThanDay);
    QCOMPARE(idsInView(proxy), (QList<qint64> { 13, 11 }));
    // Job 16 is 3 h old; a day later it is older than a day.
    clock.advanceSecs(21 * 3600 + 1);
    proxy.refreshAge();
    QCOMPARE(idsInView(proxy), (QList<qint64> { 13, 11, 16 }));
    // Exactly the limit is not "older than".
    QCOMPARE(RetryQueueFilterProxyModel::minimumAgeSecs(AgeFilter::OlderThanHour), 3600);
    ManualClock edge(kNow.addSecs(-3600)); // job 12 (2 h old at kNow) is exactly 1 h old
    RetryQueueFilterProxyModel edgeProxy(edge);
    edgeProxy.setSourceModel(&model);
    edgeProxy.setAgeFilter(AgeFilter::OlderThanHour);
    QVERIFY(!idsInView(edgeProxy).contains(12));
}

void TestRetryQueuePage::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QList<qint64>>("ids");

    // Most overdue first: failed by how long they waited, then the next tries.
    QTest::newRow("next try / age") << int(RetryQueueModel::NextTry) << Qt::AscendingOrder
                                    << QList<qint64> { 13, 11, 16, 14, 15, 12 };
    QTest::newRow("next try / age, descending")
        << int(RetryQueueModel::NextTry) << Qt::DescendingOrder
        << QList<qint64> { 12, 15, 14, 16, 11, 13 };
    // Numbers as numbers (ties keep the snapshot's order).
    QTest::newRow("attempts") << int(RetryQueueModel::Attempts) << Qt::AscendingOrder
                              << QList<qint64> { 15, 13, 14, 12, 11, 16 };
    // Urgency, not the alphabet: needs attention, sending, waiting.
    QTest::newRow("state") << int(RetryQueueModel::State) << Qt::AscendingOrder
                           << QList<qint64> { 13, 11, 16, 14, 12, 15 };
    // Kind of record, then its id as a number: "Appointment 9" before "Appointment 10".
    QTest::newRow("record") << int(RetryQueueModel::Record) << Qt::AscendingOrder
                            << QList<qint64> { 13, 14, 15, 12, 16, 11 };
    QTest::newRow("system") << int(RetryQueueModel::TargetSystem) << Qt::AscendingOrder
                            << QList<qint64> { 14, 13, 16, 12, 11, 15 };
}

// A first import queues hundreds of jobs that are all due: a refusal that
// came a minute ago still leads the default sort (next try / age, ascending),
// above jobs that have been due for longer.
void TestRetryQueuePage::freshFailuresLeadTheDefaultSort()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    RetryQueueFilterProxyModel proxy(clock);
    proxy.setSourceModel(&model);
    OutboxJob due = job(21, System::HubSpot, Jobs::HubSpotContactEnsure, QStringLiteral("customer"),
                        QStringLiteral("3"), JobState::Pending, 0, 3600);
    OutboxJob sending = job(22, System::QuickBooks, Jobs::QboCustomerEnsure, QStringLiteral("customer"),
                            QStringLiteral("4"), JobState::InFlight, 1, 1800);
    OutboxJob refused = job(23, System::HubSpot, Jobs::HubSpotContactEnsure, QStringLiteral("customer"),
                            QStringLiteral("5"), JobState::Failed, 1, 60);
    model.setJobs({ due, sending, refused });
    proxy.sort(RetryQueueModel::NextTry, Qt::AscendingOrder);
    QCOMPARE(idsInView(proxy), (QList<qint64> { 23, 21, 22 }));
    // The page opens sorted that way.
    RetryQueuePage page(clock);
    page.setJobs({ due, sending, refused });
    auto *view = page.findChild<QTableView *>();
    QVERIFY(view);
    QCOMPARE(idsInView(*view->model()), (QList<qint64> { 23, 21, 22 }));
}

// The Record column leads with the client: a customer is its name, other
// records add it after their kind and id; a job nobody is named for keeps
// its kind and id. The free-text filter finds jobs by the client's name.
void TestRetryQueuePage::recordsNameTheirClient()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RetryQueueFilterProxyModel proxy(clock);
    proxy.setSourceModel(&model);
    model.setJobs(sampleJobs());
    const auto record = [&](qint64 id) {
        return model.index(model.rowForJob(id), RetryQueueModel::Record).data().toString();
    };
    QCOMPARE(record(15), QStringLiteral("Customer 7"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setClientNames({ { QStringLiteral("customer/7"), QStringLiteral("Dan Wu") },
                           { QStringLiteral("appointment/9"), QStringLiteral("Ana Lima") },
                           { QStringLiteral("invoice-plan/2026-03/cus_7"), QStringLiteral("Dan Wu") } });
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(RetryQueueModel::Record));
    QCOMPARE(record(15), QStringLiteral("Dan Wu"));
    QCOMPARE(record(13), QStringLiteral("Appointment 9 · Ana Lima"));
    QVERIFY(record(11).endsWith(QStringLiteral(" · Dan Wu")));
    QCOMPARE(record(12), QStringLiteral("Customer 42")); // nobody named for it
    QVERIFY(model.index(model.rowForJob(13), RetryQueueModel::Record)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Appointment 9 · Ana Lima (appointment/9)")));
    proxy.setFilterText(QStringLiteral("ana lima"));
    QCOMPARE(idsInView(proxy), (QList<qint64> { 13 }));
    // The same names again change nothing.
    model.setClientNames({ { QStringLiteral("customer/7"), QStringLiteral("Dan Wu") },
                           { QStringLiteral("appointment/9"), QStringLiteral("Ana Lima") },
                           { QStringLiteral("invoice-plan/2026-03/cus_7"), QStringLiteral("Dan Wu") } });
    QCOMPARE(changed.size(), 1);
}

void TestRetryQueuePage::sorting()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QList<qint64>, ids);

    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    RetryQueueFilterProxyModel proxy(clock);
    proxy.setSourceModel(&model);
    model.setJobs(sampleJobs());
    proxy.sort(column, order);
    QCOMPARE(idsInView(proxy), ids);
}

void TestRetryQueuePage::relativeTimesFollowTheClock()
{
    ManualClock clock(kNow);
    RetryQueueModel model(clock);
    model.setJobs(sampleJobs());
    const QModelIndex next = model.index(model.rowForJob(12), RetryQueueModel::NextTry);
    QCOMPARE(next.data().toString(), QStringLiteral("in 12 min"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    clock.advanceSecs(10 * 60);
    model.refreshTimes();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(RetryQueueModel::NextTry));
    QCOMPARE(next.data().toString(), QStringLiteral("in 2 min"));
    clock.advanceSecs(5 * 60);
    QCOMPARE(next.data().toString(), QStringLiteral("due now"));
}

void TestRetryQueuePage::emptyAndClosedStates()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    QVERIFY(page.isShowingPlaceholder());
    QCOMPARE(page.placeholderText(),
             QStringLiteral("The retry queue is shown once the store is open."));
    QVERIFY(!page.refreshButton()->isEnabled());

    page.setStoreOpen(true);
    page.setRole(Role::Owner);
    QSignalSpy refresh(&page, &RetryQueuePage::refreshRequested);
    page.refreshButton()->click();
    QCOMPARE(refresh.size(), 1);
    QCOMPARE(page.countText(), QStringLiteral("Loading…"));

    page.setJobs({});
    QVERIFY(page.hasLoaded());
    QVERIFY(page.isShowingPlaceholder());
    QCOMPARE(page.placeholderText(),
             QStringLiteral("Nothing waits for a person: every change was carried."));
    QVERIFY(!page.retryAllButton()->isEnabled());

    page.setJobs(sampleJobs());
    QVERIFY(!page.isShowingPlaceholder());
    QCOMPARE(page.countText(), QStringLiteral("6 changes · 3 need attention"));
    page.stateFilter()->setCurrentIndex(2); // waiting to retry
    QCOMPARE(page.countText(), QStringLiteral("3 of 6 changes · 3 need attention"));

    page.setStoreOpen(false);
    QVERIFY(page.isShowingPlaceholder());
    QVERIFY(!page.retryButton()->isEnabled());
    QCOMPARE(page.retryButton()->toolTip(), QStringLiteral("Available once the store is open."));
}

void TestRetryQueuePage::detailPaneShowsCurrentJob()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    load(page);
    // The first snapshot opens the first row (most overdue: the deal).
    QCOMPARE(page.currentJobId(), 13);

    QVERIFY(page.selectJob(11));
    QCOMPARE(page.currentJobId(), 11);
    QCOMPARE(page.detailHeadline(),
             QStringLiteral("#11 · Create invoice in QuickBooks · Planned invoice 2026-03/cus_7"));
    QCOMPARE(page.detailCause(),
             QStringLiteral("QuickBooks refused the invoice: Amount is required; correct it and "
                            "use Retry."));
    QVERIFY(page.detailTechnical().contains(QStringLiteral("HTTP status: 400")));
    QVERIFY(page.detailTechnical().contains(QStringLiteral("ValidationFault 2020")));
    QCOMPARE(page.detailRequestId(), QStringLiteral("qbo-req-11"));
    const QJsonDocument shown = QJsonDocument::fromJson(page.detailPayload().toUtf8());
    QCOMPARE(shown, QJsonDocument::fromJson(kInvoicePayload));
    QVERIFY(page.detailPayload().contains(QLatin1Char('\n'))); // indented, not one line

    // The request id is read-only but copyable.
    auto *requestId = page.findChild<QLineEdit *>(QStringLiteral("requestId"));
    QVERIFY(requestId && requestId->isReadOnly());
    auto *copy = page.findChild<QPushButton *>(QStringLiteral("copyRequestIdButton"));
    QVERIFY(copy && copy->isEnabled());
    copy->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("qbo-req-11"));
    auto *payload = page.findChild<QPlainTextEdit *>(QStringLiteral("payloadView"));
    QVERIFY(payload && payload->isReadOnly());

    // A job without a request id: nothing to copy.
    QVERIFY(page.selectJob(15));
    QVERIFY(page.detailRequestId().isEmpty());
    QVERIFY(!copy->isEnabled());

    // A job the filters hide is shown when asked for (the filters are cleared).
    page.systemFilter()->setCurrentIndex(page.systemFilter()->findData(int(System::CalCom)));
    QVERIFY(page.selectJob(12));
    QCOMPARE(page.systemFilter()->currentIndex(), 0);
    QCOMPARE(page.currentJobId(), 12);
    QVERIFY(!page.selectJob(999));
}

void TestRetryQueuePage::selectionSurvivesSnapshot()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    load(page);
    QVERIFY(page.selectJob(16));
    QList<OutboxJob> next = sampleJobs();
    next.removeIf([](const OutboxJob &j) { return j.id == 13; });
    for (OutboxJob &j : next) {
        if (j.id == 16)
            j.lastErrorMessage = QStringLiteral("HubSpot had a temporary problem on its side.");
    }
    page.setJobs(next);
    QCOMPARE(page.currentJobId(), 16);
    QCOMPARE(page.detailCause(), QStringLiteral("HubSpot had a temporary problem on its side."));
    QCOMPARE(page.view()->selectionModel()->selectedRows().size(), 1);

    // The shown job left the queue: the pane says so instead of showing a ghost.
    next.removeIf([](const OutboxJob &j) { return j.id == 16; });
    page.setJobs(next);
    QVERIFY(page.currentJobId() != 16);
}

void TestRetryQueuePage::retryOne()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy retried(&page, &RetryQueuePage::retryRequested);

    QVERIFY(page.selectJob(11));
    QVERIFY(page.retryButton()->isEnabled());
    page.retryButton()->click();
    QCOMPARE(dialogs.count(), 1);
    auto *box = qobject_cast<QMessageBox *>(dialogs.last());
    QVERIFY(box);
    QCOMPARE(box->objectName(), QStringLiteral("retryConfirmation"));
    QCOMPARE(box->text(), QStringLiteral("Retry this change now?"));
    QVERIFY(box->informativeText().contains(QStringLiteral("Create invoice in QuickBooks")));
    QVERIFY(box->testAttribute(Qt::WA_DeleteOnClose));
    QCOMPARE(retried.size(), 0); // nothing before the answer

    dialogs.confirm()->click();
    QCOMPARE(retried.size(), 1);
    QCOMPARE(retried.first().at(0).value<QList<qint64>>(), QList<qint64> { 11 });
    QVERIFY2(page.messageText().startsWith(QStringLiteral("Retrying")),
             qPrintable(page.messageText()));
    // The next snapshot is the answer: the "working" note goes.
    page.setJobs(sampleJobs());
    QVERIFY(page.messageText().isEmpty());
}

void TestRetryQueuePage::retryCancelledSendsNothing()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy retried(&page, &RetryQueuePage::retryRequested);
    QVERIFY(page.selectJob(11));
    page.retryButton()->click();
    auto *box = qobject_cast<QMessageBox *>(dialogs.last());
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QCOMPARE(retried.size(), 0);
    QVERIFY(page.messageText().isEmpty());
}

void TestRetryQueuePage::bulkRetryOfFilteredRows()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy retried(&page, &RetryQueuePage::retryRequested);

    page.systemFilter()->setCurrentIndex(page.systemFilter()->findData(int(System::HubSpot)));
    page.stateFilter()->setCurrentIndex(
        page.stateFilter()->findData(int(StateFilter::NeedsAttention)));
    QCOMPARE(page.shownRetryableIds(), (QList<qint64> { 13, 16 }));
    QVERIFY(page.retryAllButton()->isEnabled());
    page.retryAllButton()->click();
    auto *box = qobject_cast<QMessageBox *>(dialogs.last());
    QVERIFY(box);
    QCOMPARE(box->text(), QStringLiteral("Retry all 2 changes shown?"));
    dialogs.confirm()->click();
    QCOMPARE(retried.size(), 1);
    // Only what the filters show, in the order shown.
    QCOMPARE(retried.first().at(0).value<QList<qint64>>(), (QList<qint64> { 13, 16 }));

    // What is being sent cannot be retried: nothing shown to retry.
    page.stateFilter()->setCurrentIndex(0);
    page.systemFilter()->setCurrentIndex(page.systemFilter()->findData(int(System::CalCom)));
    QCOMPARE(page.proxy()->rowCount(), 1);
    QVERIFY(!page.retryAllButton()->isEnabled());
    QCOMPARE(page.retryAllButton()->toolTip(), QStringLiteral("Nothing shown can be retried."));
    page.retryAllShown(); // even when called directly
    QCOMPARE(dialogs.count(), 1);
}

void TestRetryQueuePage::retryOfSelectionSkipsJobsInFlight()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy retried(&page, &RetryQueuePage::retryRequested);

    // Select the in-flight job alone: retry is unavailable, with the reason.
    QVERIFY(page.selectJob(14));
    QVERIFY(!page.retryButton()->isEnabled());
    QVERIFY(page.retryButton()->toolTip().contains(QStringLiteral("sending this change")));

    // Add two more rows to the selection: the job in flight is left out.
    QItemSelectionModel *selection = page.view()->selectionModel();
    for (qint64 id : { 12, 16 }) {
        const QModelIndex index =
            page.proxy()->mapFromSource(page.model()->index(page.model()->rowForJob(id), 0));
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QVERIFY(page.retryButton()->isEnabled());
    // Several rows: one-job actions need one row.
    QVERIFY(!page.editButton()->isEnabled());
    QCOMPARE(page.editButton()->toolTip(), QStringLiteral("Select one change for this."));
    page.retryButton()->click();
    QCOMPARE(qobject_cast<QMessageBox *>(dialogs.last())->text(),
             QStringLiteral("Retry 2 changes now?"));
    dialogs.confirm()->click();
    QCOMPARE(retried.first().at(0).value<QList<qint64>>(), (QList<qint64> { 16, 12 }));
}

void TestRetryQueuePage::editAndRetryValidatesJson()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy overridden(&page, &RetryQueuePage::overrideRequested);

    QVERIFY(page.selectJob(11));
    QVERIFY(page.editButton()->isEnabled());
    page.editButton()->click();
    QDialog *dialog = dialogs.last();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("overrideDialog"));
    auto *editor = dialog->findChild<QPlainTextEdit *>(QStringLiteral("payloadEditor"));
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("payloadProblem"));
    QPushButton *ok = dialogs.confirm();
    QVERIFY(editor && problem && ok);
    QCOMPARE(QJsonDocument::fromJson(editor->toPlainText().toUtf8()),
             QJsonDocument::fromJson(kInvoicePayload));
    // Unchanged: nothing to save (Retry does that).
    QVERIFY(!ok->isEnabled());
    QVERIFY(problem->text().startsWith(QStringLiteral("Unchanged")));

    // Broken JSON: refused with where it broke.
    editor->setPlainText(QStringLiteral("{\n  \"customerId\": \"cus_7\",\n  \"lines\": [\n"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem->text().startsWith(QStringLiteral("This is not valid JSON")),
             qPrintable(problem->text()));
    QVERIFY2(problem->text().contains(QStringLiteral("line 4")), qPrintable(problem->text()));

    // Not an object.
    editor->setPlainText(QStringLiteral("[1, 2]"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(problem->text().contains(QStringLiteral("one JSON object")));

    // Valid JSON the job runner cannot use: the core's own check says what is missing.
    editor->setPlainText(QStringLiteral(R"({"txnDate": "2026-03-27"})"));
    QVERIFY(!ok->isEnabled());
    QVERIFY2(problem->text().contains(QStringLiteral("customerId")), qPrintable(problem->text()));

    // Corrected: OK, and the signal carries the edited payload.
    QJsonObject edited = QJsonDocument::fromJson(kInvoicePayload).object();
    edited.insert(QStringLiteral("dueDate"), QStringLiteral("2026-04-10"));
    editor->setPlainText(QString::fromUtf8(QJsonDocument(edited).toJson()));
    QVERIFY(ok->isEnabled());
    QVERIFY(problem->isHidden());
    QCOMPARE(overridden.size(), 0);
    ok->click();
    QCOMPARE(overridden.size(), 1);
    QCOMPARE(overridden.first().at(0).toLongLong(), 11);
    const QByteArray sent = overridden.first().at(1).toByteArray();
    QCOMPARE(QJsonDocument::fromJson(sent).object(), edited);
    QVERIFY(!sent.contains('\n')); // compact, as the store keeps payloads
}

void TestRetryQueuePage::editUnavailableForDeals()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QVERIFY(page.selectJob(13));
    QVERIFY(!page.editButton()->isEnabled());
    QVERIFY(page.editButton()->toolTip().contains(QStringLiteral("appointment")));
    page.editAndRetry();
    QCOMPARE(dialogs.count(), 0);
    // A HubSpot deal can still be linked to the one that exists.
    QVERIFY(page.linkButton()->isEnabled());
}

void TestRetryQueuePage::linkToExistingRecord()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy linked(&page, &RetryQueuePage::linkRequested);

    QVERIFY(page.selectJob(11));
    QVERIFY(page.linkButton()->isEnabled());
    page.linkButton()->click();
    QDialog *dialog = dialogs.last();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("linkDialog"));
    auto *remoteId = dialog->findChild<QLineEdit *>(QStringLiteral("remoteIdEdit"));
    QVERIFY(remoteId);
    QCOMPARE(remoteId->accessibleName(), QStringLiteral("QuickBooks invoice id"));
    QPushButton *ok = dialogs.confirm();
    QVERIFY(!ok->isEnabled());
    remoteId->setText(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    remoteId->setText(QStringLiteral(" 145 "));
    QVERIFY(ok->isEnabled());
    ok->click();
    QCOMPARE(linked.size(), 1);
    QCOMPARE(linked.first().at(0).toLongLong(), 11);
    QCOMPARE(linked.first().at(1).toString(), QStringLiteral("145"));

    // Cancel sends nothing.
    page.linkButton()->click();
    dialogs.last()->reject();
    QCOMPARE(linked.size(), 1);
}

void TestRetryQueuePage::linkUnavailableWithoutRecordToLink()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    load(page);
    // Completing a task creates nothing that could already exist.
    QVERIFY(page.selectJob(16));
    QVERIFY(!page.linkButton()->isEnabled());
    QVERIFY(page.linkButton()->toolTip().contains(QStringLiteral("nothing that could be linked")));
    QVERIFY(page.dismissButton()->isEnabled());

    OutboxJob done = sampleJobs().at(1);
    done.state = JobState::Succeeded;
    for (auto action : { RetryQueuePage::Action::Retry, RetryQueuePage::Action::Edit,
                         RetryQueuePage::Action::Link, RetryQueuePage::Action::Dismiss })
        QVERIFY(!RetryQueuePage::unavailableReason(action, done).isEmpty());
    OutboxJob dismissed = done;
    dismissed.state = JobState::Dismissed;
    QVERIFY(RetryQueuePage::unavailableReason(RetryQueuePage::Action::Retry, dismissed).isEmpty());
    QVERIFY(RetryQueuePage::unavailableReason(RetryQueuePage::Action::Edit, dismissed).isEmpty());
    QVERIFY(!RetryQueuePage::unavailableReason(RetryQueuePage::Action::Link, dismissed).isEmpty());
    QVERIFY(
        !RetryQueuePage::unavailableReason(RetryQueuePage::Action::Dismiss, dismissed).isEmpty());
}

void TestRetryQueuePage::dismissRequiresReason()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QSignalSpy dismissed(&page, &RetryQueuePage::dismissRequested);

    QVERIFY(page.selectJob(12));
    page.dismissButton()->click();
    QDialog *dialog = dialogs.last();
    QVERIFY(dialog);
    QCOMPARE(dialog->objectName(), QStringLiteral("dismissDialog"));
    auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("reasonEdit"));
    QPushButton *ok = dialogs.confirm();
    QVERIFY(reason && ok);
    QVERIFY(!ok->isEnabled());
    reason->setText(QStringLiteral("  \t "));
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(reason, QStringLiteral("Entered by hand in HubSpot "));
    QVERIFY(ok->isEnabled());
    ok->click();
    QCOMPARE(dismissed.size(), 1);
    QCOMPARE(dismissed.first().at(0).toLongLong(), 12);
    QCOMPARE(dismissed.first().at(1).toString(), QStringLiteral("Entered by hand in HubSpot"));
    QCOMPARE(page.messageText(), QStringLiteral("Dismissing change #12…"));
}

void TestRetryQueuePage::permissionReasonFromRoleMatrix()
{
    QCOMPARE(RetryQueuePage::permissionReason(RetryQueuePage::Action::Retry),
             QStringLiteral("Only an office manager or owner can retry failed syncs."));
    QCOMPARE(RetryQueuePage::permissionReason(RetryQueuePage::Action::Dismiss),
             QStringLiteral("Only an office manager or owner can dismiss failed syncs."));
}

void TestRetryQueuePage::rolesWithoutPermissionSeeActionsDisabled_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("owner") << Role::Owner << true;
    QTest::newRow("office manager") << Role::OfficeManager << true;
    QTest::newRow("bookkeeper") << Role::Bookkeeper << false;
    QTest::newRow("viewer") << Role::Viewer << false;
}

void TestRetryQueuePage::rolesWithoutPermissionSeeActionsDisabled()
{
    QFETCH(Role, role);
    QFETCH(bool, allowed);

    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page, role);
    QVERIFY(page.selectJob(11)); // a job every action applies to
    QCOMPARE(page.canManage(), allowed);

    const QList<std::pair<QPushButton *, QString>> buttons = {
        { page.retryButton(), QStringLiteral("retry failed syncs") },
        { page.retryAllButton(), QStringLiteral("retry failed syncs") },
        { page.editButton(), QStringLiteral("edit and retry failed syncs") },
        { page.linkButton(), QStringLiteral("link failed syncs to existing records") },
        { page.dismissButton(), QStringLiteral("dismiss failed syncs") },
    };
    for (const auto &[button, what] : buttons) {
        QCOMPARE(button->isEnabled(), allowed);
        const QString refusal = QStringLiteral("Only an office manager or owner can %1.").arg(what);
        if (allowed)
            QVERIFY2(button->toolTip() != refusal, qPrintable(button->objectName()));
        else
            QCOMPARE(button->toolTip(), refusal);
    }
    // Reading stays open to everyone: the filters, the table, the details.
    QVERIFY(page.systemFilter()->isEnabled());
    QVERIFY(page.refreshButton()->isEnabled());
    QCOMPARE(page.detailRequestId(), QStringLiteral("qbo-req-11"));
    // Said once in words beside the buttons, not only in tooltips.
    bool noteShown = false;
    for (const QLabel *label : page.findChildren<QLabel *>()) {
        if (!label->isHidden() && label->text().startsWith(QStringLiteral("You can look, not act")))
            noteShown = true;
    }
    QCOMPARE(noteShown, !allowed);

    // Calling the actions directly does nothing either.
    QSignalSpy retried(&page, &RetryQueuePage::retryRequested);
    page.retrySelected();
    page.retryAllShown();
    page.editAndRetry();
    page.linkToExisting();
    page.dismissCurrent();
    QCOMPARE(dialogs.count(), allowed ? 5 : 0);
    QCOMPARE(retried.size(), 0);

    // A later role change (another user signed in) takes effect at once.
    page.setRole(allowed ? Role::Viewer : Role::OfficeManager);
    QCOMPARE(page.retryButton()->isEnabled(), !allowed);
}

void TestRetryQueuePage::retryOutcomesAreReported()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    load(page);
    Concord::Error conflict =
        Concord::Error::make(Concord::ErrorCode::Conflict, QStringLiteral("job 14 is in flight."));
    page.showRetryOutcomes({ JobOutcome { 13, std::nullopt }, JobOutcome { 14, conflict },
                             JobOutcome { 16, std::nullopt } });
    QCOMPARE(page.messageText(),
             QStringLiteral("Retried 2 of 3 changes. Not retried:\n#14: job 14 is in flight"));
    page.showRetryOutcomes({ JobOutcome { 13, std::nullopt }, JobOutcome { 16, std::nullopt } });
    QCOMPARE(page.messageText(), QStringLiteral("Retried 2 changes: Concord sends them now."));
    page.showError(QStringLiteral("tom may not manage the retry queue"));
    QCOMPARE(page.messageText(), QStringLiteral("tom may not manage the retry queue"));
    page.showDone(QStringLiteral("Dismissed change #12."));
    QCOMPARE(page.messageText(), QStringLiteral("Dismissed change #12."));
    // Outcomes stay when the next snapshot arrives (only the "working" note goes).
    page.setJobs(sampleJobs());
    QCOMPARE(page.messageText(), QStringLiteral("Dismissed change #12."));
}

void TestRetryQueuePage::keyboardReachesEveryControl()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QVERIFY(page.selectJob(11)); // every action and the copy button enabled
    page.showDone(QStringLiteral("Linked.")); // the banner's close button too
    page.resize(1100, 760);
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));

    const QList<QWidget *> expected = {
        page.refreshButton(),
        page.retryAllButton(),
        page.systemFilter(),
        page.stateFilter(),
        page.ageFilter(),
        page.searchEdit(),
        page.findChild<QWidget *>(QStringLiteral("retryQueueBanner"))->findChild<QToolButton *>(),
        page.view(),
        page.retryButton(),
        page.editButton(),
        page.linkButton(),
        page.dismissButton(),
        page.findChild<QLabel *>(QStringLiteral("retryQueueCause")),
        page.findChild<QPlainTextEdit *>(QStringLiteral("technicalDetail")),
        page.findChild<QPlainTextEdit *>(QStringLiteral("payloadView")),
        page.findChild<QLineEdit *>(QStringLiteral("requestId")),
        page.findChild<QPushButton *>(QStringLiteral("copyRequestIdButton")),
    };
    for (QWidget *widget : expected) {
        QVERIFY(widget);
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }

    page.refreshButton()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), page.refreshButton());
    QList<QWidget *> visited = { QApplication::focusWidget() };
    for (int i = 0; i < expected.size() - 1; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        visited << QApplication::focusWidget();
    }
    QCOMPARE(visited, expected);
    // And back, with Shift+Tab.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), expected.at(expected.size() - 2));
    QCOMPARE(dialogs.count(), 0); // moving through controls opens nothing
}

void TestRetryQueuePage::mnemonicsReachFiltersAndActions()
{
    ManualClock clock(kNow);
    RetryQueuePage page(clock);
    DialogCatcher dialogs(page);
    load(page);
    QVERIFY(page.selectJob(11));
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));

    QTest::keyClick(&page, Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page.systemFilter());
    QTest::keyClick(&page, Qt::Key_G, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page.ageFilter());
    QTest::keyClick(&page, Qt::Key_F, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), page.searchEdit());
    // Arrow keys in the table move the current change.
    page.view()->setFocus();
    QTest::keyClick(page.view(), Qt::Key_Down); // most overdue first: 13, 11, 16, …
    QCOMPARE(page.currentJobId(), 16);
    // Alt+D opens the dismiss dialog for the current change.
    QTest::keyClick(&page, Qt::Key_D, Qt::AltModifier);
    QTRY_COMPARE(dialogs.count(), 1);
    QCOMPARE(dialogs.last()->objectName(), QStringLiteral("dismissDialog"));
    dialogs.last()->reject();
}

QTEST_MAIN(TestRetryQueuePage)
#include "tst_retryqueuepage.moc"
