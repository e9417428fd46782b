// `concord-cli sandbox` as another tool uses it: start it, read the ports
// file, talk to the emulator over HTTP, stop it with SIGTERM.
#include "seed/tutoringroster.h"

#include <algorithm>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

class TestSandboxCli : public QObject
{
    Q_OBJECT

private:
    QJsonObject get(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(15000))
            return {};
        return QJsonDocument::fromJson(reply->readAll()).object();
    }

    static QString cli() { return QStringLiteral(CONCORD_BINARY_DIR "/app/cli/concord-cli"); }

    QJsonObject query(const QJsonObject &ports, const QString &statement)
    {
        QUrl url(ports.value(u"quickbooks"_s).toString() + u"/v3/company/"_s
                 + ports.value(u"quickbooksRealmId"_s).toString() + u"/query"_s);
        QUrlQuery q;
        q.addQueryItem(u"query"_s, QString::fromUtf8(QUrl::toPercentEncoding(statement)));
        q.addQueryItem(u"minorversion"_s, u"75"_s);
        url.setQuery(q);
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization", "Bearer " + ports.value(u"quickbooksAccessToken"_s).toString().toUtf8());
        std::unique_ptr<QNetworkReply> reply(m_nam.get(request));
        QSignalSpy done(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !done.wait(15000))
            return {};
        return QJsonDocument::fromJson(reply->readAll()).object().value(u"QueryResponse"_s).toObject();
    }

    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void servesTheTutoringBusinessAndStopsCleanly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString portsFile = dir.filePath(u"ports.json"_s);
        QProcess sandbox;
        sandbox.start(cli(), {u"sandbox"_s, u"--seed"_s, u"tutoring"_s, u"--ports-file"_s, portsFile});
        QVERIFY(sandbox.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(portsFile), 20000);

        QFile file(portsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject ports = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(QUrl(ports.value(u"quickbooks"_s).toString()).host() == u"127.0.0.1"_s);
        QCOMPARE(ports.value(u"quickbooksRealmId"_s).toString(), u"9130357766012345"_s);
        QVERIFY(!ports.value(u"quickbooksRefreshToken"_s).toString().isEmpty());

        // 50 parents, and every seventh of them entered twice; one invoice
        // per session held or missed over the last eight weeks.
        const auto roster = Concord::Sandbox::TutoringRoster::build(QDate::currentDate());
        const auto invoiced = std::count_if(roster.sessions.cbegin(), roster.sessions.cend(),
                                            [](const auto &s) { return s.invoiced; });
        QVERIFY(invoiced > 300); // 50 families × 8 weeks, less cancellations
        QCOMPARE(query(ports, u"SELECT COUNT(*) FROM Customer"_s).value(u"totalCount"_s).toInt(), 57);
        QCOMPARE(query(ports, u"SELECT COUNT(*) FROM Invoice"_s).value(u"totalCount"_s).toInt(), int(invoiced));
        const QJsonArray obrien =
            query(ports, u"SELECT * FROM Customer WHERE FamilyName = 'O\\'Brien' MAXRESULTS 1"_s).value(u"Customer"_s).toArray();
        QCOMPARE(obrien.size(), 1);
        // Per-session invoices read as the product spec's example does.
        const QJsonObject invoice =
            query(ports, u"SELECT * FROM Invoice MAXRESULTS 1"_s).value(u"Invoice"_s).toArray().first().toObject();
        const QString description = invoice.value(u"Line"_s).toArray().first().toObject().value(u"Description"_s).toString();
        QVERIFY2(description.startsWith(u"1-Hour Math Tutoring – "_s) && description.endsWith(u" – $65"_s),
                 qPrintable(description));
        QCOMPARE(invoice.value(u"TotalAmt"_s).toDouble(), 65.0);
        // The same business in the CRM: a contact per parent, plus the
        // second contacts that are the CRM's duplicates.
        const auto secondContacts = std::count_if(roster.families.cbegin(), roster.families.cend(), [](const auto &f) {
            return f.quirk == Concord::Sandbox::TutoringRoster::Quirk::HubSpotSecondContact;
        });
        QVERIFY(secondContacts > 0);
        const QJsonObject contacts =
            get(QUrl(ports.value(u"hubspot"_s).toString() + u"/crm/v3/objects/contacts?limit=100"_s),
                {{"Authorization", "Bearer " + ports.value(u"hubspotPrivateAppToken"_s).toString().toUtf8()}});
        QCOMPARE(contacts.value(u"results"_s).toArray().size(), int(50 + secondContacts));
        // And in the scheduler, with its API key and version header.
        const QJsonObject bookings =
            get(QUrl(ports.value(u"calcom"_s).toString() + u"/v2/bookings"_s),
                {{"Authorization", "Bearer " + ports.value(u"calcomApiKey"_s).toString().toUtf8()},
                 {"cal-api-version", "2024-08-13"}});
        QCOMPARE(bookings.value(u"status"_s).toString(), u"success"_s);
        QVERIFY(!bookings.value(u"data"_s).toArray().isEmpty());
        // Some balances are overdue.
        QVERIFY(query(ports, u"SELECT COUNT(*) FROM Invoice WHERE Balance > '0'"_s).value(u"totalCount"_s).toInt() > 0);

        sandbox.terminate(); // SIGTERM
        QVERIFY(sandbox.waitForFinished(10000));
        QCOMPARE(sandbox.exitStatus(), QProcess::NormalExit);
        QCOMPARE(sandbox.exitCode(), 0);
        const QString output = QString::fromUtf8(sandbox.readAllStandardOutput());
        QVERIFY2(output.contains(u"57 customers (7 duplicates), %1 invoices"_s.arg(invoiced)), qPrintable(output));
        QVERIFY2(output.contains(u"HubSpot sandbox seeded: %1 contacts"_s.arg(50 + secondContacts)), qPrintable(output));
        QVERIFY2(output.contains(u"Cal.com sandbox seeded: 3 staff, 4 event types"_s), qPrintable(output));
        QVERIFY2(output.trimmed().endsWith(u"Sandbox stopped."_s), qPrintable(output));
    }

    void refusesABadSeed()
    {
        QProcess sandbox;
        sandbox.start(cli(), {u"sandbox"_s, u"--seed"_s, u"zoo"_s});
        QVERIFY(sandbox.waitForFinished(10000));
        QCOMPARE(sandbox.exitCode(), 2);
        QVERIFY(QString::fromUtf8(sandbox.readAllStandardError()).contains(u"--seed must be 'tutoring' or 'empty'"_s));
    }
};

QTEST_GUILESS_MAIN(TestSandboxCli)
#include "tst_sandboxcli.moc"
