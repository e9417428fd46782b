// The maintenance slots of the Backend (backendreviews.cpp) as the window
// drives them: on the Backend's own thread, by queued invocations, answered
// with value-type signals — over a solo store whose desktop user is its owner,
// with no service connected (so every live read is reported as not made).
#include "domainprinters.h"
#include "security/auditlog.h"
#include "services/backend.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using namespace Concord;
using Concord::Domain::ReviewCadence;
using Concord::Services::Backend;
using Concord::Services::StoreStatus;

class TestBackendReviews : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    Backend *m_backend = nullptr;
    int m_store = 0;

    template<typename... Args>
    void call(const char *slot, Args... args)
    {
        QVERIFY(QMetaObject::invokeMethod(m_backend, slot, Qt::QueuedConnection, args...));
    }

    // Replies arrive through queued connections on the test's thread, as the
    // window receives them.
    template<typename Signal, typename T>
    void collect(Signal signal, QList<T> &into)
    {
        connect(m_backend, signal, this, [&into](const T &value) { into.append(value); }, Qt::QueuedConnection);
    }

    void openStore()
    {
        QList<StoreStatus> opened;
        collect(&Backend::opened, opened);
        call("open", Q_ARG(QString, u"sqlite://"_s + m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_store))));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QVERIFY(opened.first().open);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<StoreStatus>();
        qRegisterMetaType<Review::ReviewScheduleView>();
        qRegisterMetaType<Review::WeeklyFindings>();
        qRegisterMetaType<Review::ReconciliationReport>();
        qRegisterMetaType<Review::QuarterlyAudit>();
        qRegisterMetaType<Review::DecisionChecklist>();
        qRegisterMetaType<Review::IntegrationModeState>();
        qRegisterMetaType<Review::MonthlyReport>();
        qRegisterMetaType<Review::AgingReport>();
        qRegisterMetaType<Store::IntegrationMode>();
        qRegisterMetaType<ReviewCadence>();
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        m_backend = new Backend;
        m_backend->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_backend, &QObject::deleteLater);
        m_thread.start();
    }

    void cleanup()
    {
        QMetaObject::invokeMethod(m_backend, "close", Qt::BlockingQueuedConnection);
        m_thread.quit();
        QVERIFY(m_thread.wait(10000));
        m_backend = nullptr;
    }

    void closedStoreAnswersEveryAskWithItsFailure()
    {
        QList<QString> reviews, reconciliation, quarterly, checklist, reports;
        collect(&Backend::reviewsFailed, reviews);
        collect(&Backend::reconciliationFailed, reconciliation);
        collect(&Backend::quarterlyAuditFailed, quarterly);
        collect(&Backend::checklistFailed, checklist);
        collect(&Backend::reportsFailed, reports);
        call("loadReviews");
        call("reconcileMonth", Q_ARG(QDate, QDate(2026, 10, 1)));
        call("runQuarterlyAudit");
        call("evaluateChecklist");
        call("loadReports", Q_ARG(QDate, QDate(2026, 10, 1)));
        for (const QList<QString> *answers : {&reviews, &reconciliation, &quarterly, &checklist, &reports}) {
            QTRY_COMPARE_WITH_TIMEOUT(answers->size(), 1, 5000);
            QCOMPARE(answers->first(), u"The store is not open."_s);
        }
    }

    // The owner names themself for the weekly review and completes it: the
    // schedule moves on, the run is audited with what was found.
    void scheduleOwnerAndCompletion()
    {
        openStore();
        QList<std::pair<Review::ReviewScheduleView, QList<Domain::User>>> loaded;
        connect(
            m_backend, &Backend::reviewsLoaded, this,
            [&loaded](const Review::ReviewScheduleView &s, const QList<Domain::User> &u) { loaded.append({s, u}); },
            Qt::QueuedConnection);
        QList<Review::WeeklyFindings> weekly;
        collect(&Backend::weeklyFindingsLoaded, weekly);
        QList<QString> done, failed;
        collect(&Backend::reviewsDone, done);
        collect(&Backend::reviewsFailed, failed);

        call("loadReviews");
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
        const Review::ReviewScheduleView first = loaded.first().first;
        QCOMPARE(first.entries.size(), 3);
        for (const Review::ScheduleEntry &e : first.entries) {
            QCOMPARE(Review::toString(e.state), u"no_owner"_s);
            QVERIFY(!e.lastCompletedAt.isValid());
        }
        QCOMPARE(loaded.first().second.size(), 1); // the desktop's user, owner of a new store
        const Domain::User me = loaded.first().second.first();
        // The first load also reads the weekly findings; no HubSpot here.
        QTRY_COMPARE_WITH_TIMEOUT(weekly.size(), 1, 5000);
        QCOMPARE(weekly.first().hubspot, Review::HubSpotCheck::NotConnected);
        QVERIFY(weekly.first().failedSyncs.isEmpty());

        call("assignReviewOwner", Q_ARG(Concord::Domain::ReviewCadence, ReviewCadence::Weekly), Q_ARG(qint64, me.id));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
        QCOMPARE(done.size(), 1);
        QVERIFY2(done.first().contains(u"weekly"_s), qPrintable(done.first()));
        const Review::ScheduleEntry *owned = loaded.at(1).first.entry(ReviewCadence::Weekly);
        QVERIFY(owned);
        QCOMPARE(owned->ownerUserId, me.id);
        QVERIFY(owned->state != Review::ReviewState::NoOwner);
        const QDate dueBefore = owned->nextDue;

        call("completeReview", Q_ARG(Concord::Domain::ReviewCadence, ReviewCadence::Weekly),
             Q_ARG(QString, u"Queue empty, no duplicates."_s));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 5000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0)));
        QCOMPARE(done.size(), 2);
        const Review::ScheduleEntry *completed = loaded.at(2).first.entry(ReviewCadence::Weekly);
        QVERIFY(completed->lastCompletedAt.isValid());
        QCOMPARE(completed->lastCompletedByUserId, me.id);
        QVERIFY(completed->nextDue > dueBefore);

        QList<QList<Security::AuditEntry>> audit;
        collect(&Backend::auditLoaded, audit);
        call("loadAudit", Q_ARG(int, 50));
        QTRY_COMPARE_WITH_TIMEOUT(audit.size(), 1, 5000);
        QStringList actions;
        for (const Security::AuditEntry &e : audit.first())
            actions << e.action;
        QVERIFY2(actions.contains(u"review.owner.assign"_s), qPrintable(actions.join(u", "_s)));
        QVERIFY2(actions.contains(u"review.complete"_s), qPrintable(actions.join(u", "_s)));
    }

    // The checklist comes with the stored mode; an owner switches to the
    // lighter setup, and a change made against a stale version is refused.
    void checklistAndIntegrationMode()
    {
        openStore();
        QList<std::pair<Review::DecisionChecklist, Review::IntegrationModeState>> loaded;
        connect(
            m_backend, &Backend::checklistLoaded, this,
            [&loaded](const Review::DecisionChecklist &c, const Review::IntegrationModeState &m) {
                loaded.append({c, m});
            },
            Qt::QueuedConnection);
        QList<QString> done, failed;
        collect(&Backend::checklistDone, done);
        collect(&Backend::checklistFailed, failed);

        call("evaluateChecklist");
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 5000);
        QCOMPARE(loaded.first().first.answers.size(), 8);
        QCOMPARE(Store::toString(loaded.first().second.mode), u"full"_s);
        QCOMPARE(loaded.first().second.version, 0);

        call("changeIntegrationMode", Q_ARG(Concord::Store::IntegrationMode, Store::IntegrationMode::Light),
             Q_ARG(int, 0));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 5000);
        QCOMPARE(done.size(), 1);
        QCOMPARE(Store::toString(loaded.at(1).second.mode), u"light"_s);
        QCOMPARE(loaded.at(1).second.version, 1);

        // Version 0 is stale now: refused, and the stored mode shown again.
        call("changeIntegrationMode", Q_ARG(Concord::Store::IntegrationMode, Store::IntegrationMode::Full),
             Q_ARG(int, 0));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 5000);
        QCOMPARE(Store::toString(loaded.at(2).second.mode), u"light"_s);
        QCOMPARE(done.size(), 1);
    }

    // Without services the reconciliation compares Concord and QuickBooks'
    // mirror only and says so; the audit did not scan HubSpot; the reports
    // of an empty month are empty; a fix for a mismatch not in the report and
    // an invoice for an unknown session are refused in words.
    void reconciliationAuditReportsAndRefusals()
    {
        openStore();
        const QDate month = QDate::currentDate().addMonths(-1);
        const QDate first(month.year(), month.month(), 1);
        QList<Review::ReconciliationReport> reconciled;
        collect(&Backend::reconciliationLoaded, reconciled);
        QList<QString> reconcileFailed;
        collect(&Backend::reconciliationFailed, reconcileFailed);
        call("reconcileMonth", Q_ARG(QDate, first));
        QTRY_COMPARE_WITH_TIMEOUT(reconciled.size(), 1, 5000);
        QCOMPARE(reconciled.first().month, first);
        QVERIFY(!reconciled.first().dealsRead);
        QCOMPARE(reconciled.first().sessionCount, 0);
        QVERIFY(reconciled.first().mismatches.isEmpty());

        call("fixMismatch", Q_ARG(QString, u"deal_missing/appointment/1"_s));
        QTRY_COMPARE_WITH_TIMEOUT(reconcileFailed.size(), 1, 5000);
        QVERIFY2(reconcileFailed.first().contains(u"no longer in the report"_s), qPrintable(reconcileFailed.first()));

        QList<Review::QuarterlyAudit> audits;
        collect(&Backend::quarterlyAuditLoaded, audits);
        call("runQuarterlyAudit");
        QTRY_COMPARE_WITH_TIMEOUT(audits.size(), 1, 5000);
        QVERIFY(!audits.first().storage.crmScanned);
        QCOMPARE(audits.first().permissions.users.size(), 1);

        QList<Review::MonthlyReport> monthly;
        connect(
            m_backend, &Backend::reportsLoaded, this,
            [&monthly](const Review::MonthlyReport &m, const Review::AgingReport &) { monthly.append(m); },
            Qt::QueuedConnection);
        call("loadReports", Q_ARG(QDate, first));
        QTRY_COMPARE_WITH_TIMEOUT(monthly.size(), 1, 5000);
        QCOMPARE(monthly.first().periodStart, first);
        QVERIFY(monthly.first().currencies.isEmpty());

        QList<QString> invoiceFailed;
        collect(&Backend::invoiceNowFailed, invoiceFailed);
        call("createInvoiceNow", Q_ARG(qint64, 999));
        QTRY_COMPARE_WITH_TIMEOUT(invoiceFailed.size(), 1, 5000);
        QVERIFY2(invoiceFailed.first().contains(u"999"_s), qPrintable(invoiceFailed.first()));
    }
};

QTEST_GUILESS_MAIN(TestBackendReviews)
#include "tst_backendreviews.moc"
