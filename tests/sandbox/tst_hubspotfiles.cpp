// The HubSpot emulator's Files API v3 over raw HTTP, as HubSpot documents it
// (developers.hubspot.com/docs/api/files/files): multipart upload (201 with
// the File), search with `limit`/`after` paging and the extension filter,
// get by id, signed URLs whose signature reads a private file's bytes from
// /hubfs/ (and nothing else does), archive, and HubSpot's error envelopes.
#include "common/clock.h"
#include "hubspot/hubspotemulator.h"

#include <QHttpMultiPart>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using Concord::Sandbox::HubSpotEmulator;

namespace {
struct Answer {
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QByteArray contentType;
};
} // namespace

class TestHubSpotFiles : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HubSpotEmulator> m_hs;
    std::unique_ptr<Concord::ManualClock> m_clock;
    QNetworkAccessManager m_nam;
    QString m_token;

    Answer finish(QNetworkReply *reply)
    {
        Answer a;
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000); }();
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        a.contentType = reply->rawHeader("Content-Type");
        a.json = QJsonDocument::fromJson(a.body).object();
        reply->deleteLater();
        return a;
    }

    Answer get(const QString &pathAndQuery, bool withToken = true)
    {
        QUrl url = m_hs->baseUrl();
        const qsizetype q = pathAndQuery.indexOf(u'?');
        url.setPath(q < 0 ? pathAndQuery : pathAndQuery.left(q));
        if (q >= 0)
            url.setQuery(pathAndQuery.mid(q + 1));
        return getUrl(url, withToken);
    }

    Answer getUrl(const QUrl &url, bool withToken)
    {
        QNetworkRequest request(url);
        if (withToken)
            request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        return finish(m_nam.get(request));
    }

    Answer upload(const QByteArray &content, const QString &fileName, const QString &folderPath,
                  const QString &access = u"PRIVATE"_s)
    {
        auto *multi = new QHttpMultiPart(QHttpMultiPart::FormDataType);
        QHttpPart file;
        file.setHeader(QNetworkRequest::ContentDispositionHeader,
                       u"form-data; name=\"file\"; filename=\"%1\""_s.arg(fileName));
        file.setHeader(QNetworkRequest::ContentTypeHeader, u"application/pdf"_s);
        file.setBody(content);
        multi->append(file);
        const auto text = [multi](const QString &name, const QByteArray &value) {
            QHttpPart p;
            p.setHeader(QNetworkRequest::ContentDispositionHeader, u"form-data; name=\"%1\""_s.arg(name));
            p.setBody(value);
            multi->append(p);
        };
        text(u"fileName"_s, fileName.toUtf8());
        if (!folderPath.isEmpty())
            text(u"folderPath"_s, folderPath.toUtf8());
        if (!access.isEmpty())
            text(u"options"_s, QJsonDocument(QJsonObject{{u"access"_s, access}}).toJson(QJsonDocument::Compact));
        QUrl url = m_hs->baseUrl();
        url.setPath(u"/files/v3/files"_s);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        QNetworkReply *reply = m_nam.post(request, multi);
        multi->setParent(reply);
        return finish(reply);
    }

private Q_SLOTS:
    void init()
    {
        m_clock = std::make_unique<Concord::ManualClock>(QDateTime(QDate(2026, 3, 10), QTime(17, 0), Qt::UTC));
        m_hs = std::make_unique<HubSpotEmulator>();
        m_hs->setClock(m_clock.get());
        m_hs->setThrottlingEnabled(false);
        QVERIFY(m_hs->listen());
        m_token = m_hs->auth().defaultPrivateAppToken();
    }
    void cleanup() { m_hs.reset(); }

    void uploadReturnsTheFile()
    {
        const QByteArray pdf = "%PDF-1.7\n1 0 obj invoice 1042\n%%EOF\n";
        const Answer created = upload(pdf, u"INV-1042.pdf"_s, u"/invoices"_s);
        QCOMPARE(created.status, 201);
        const QJsonObject f = created.json;
        QVERIFY(!f.value(u"id"_s).toString().isEmpty());
        QCOMPARE(f.value(u"name"_s).toString(), u"INV-1042"_s);
        QCOMPARE(f.value(u"extension"_s).toString(), u"pdf"_s);
        QCOMPARE(f.value(u"type"_s).toString(), u"DOCUMENT"_s);
        QCOMPARE(f.value(u"path"_s).toString(), u"/invoices/INV-1042.pdf"_s);
        QCOMPARE(f.value(u"size"_s).toInteger(), pdf.size());
        QCOMPARE(f.value(u"access"_s).toString(), u"PRIVATE"_s);
        QCOMPARE(f.value(u"createdAt"_s).toString(), u"2026-03-10T17:00:00.000Z"_s);
        QCOMPARE(f.value(u"archived"_s).toBool(true), false);
        QCOMPARE(f.value(u"url"_s).toString(),
                 m_hs->baseUrl().toString() + u"/hubfs/%1/invoices/INV-1042.pdf"_s.arg(m_hs->portal().portalId()));

        // The same name again: HubSpot keeps paths unique.
        const Answer again = upload(pdf, u"INV-1042.pdf"_s, u"/invoices"_s);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json.value(u"path"_s).toString(), u"/invoices/INV-1042-1.pdf"_s);
        QVERIFY(again.json.value(u"id"_s).toString() != f.value(u"id"_s).toString());

        const Answer byId = get(u"/files/v3/files/"_s + f.value(u"id"_s).toString());
        QCOMPARE(byId.status, 200);
        QCOMPARE(byId.json, f);
    }

    void uploadValidation_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<QString>("access");
        QTest::addColumn<int>("status");
        QTest::newRow("no folder") << QString() << u"PRIVATE"_s << 400;
        QTest::newRow("no access") << u"/x"_s << QString() << 400;
        QTest::newRow("unknown access") << u"/x"_s << u"EVERYONE"_s << 400;
        QTest::newRow("fine") << u"/x"_s << u"PUBLIC_NOT_INDEXABLE"_s << 201;
    }

    void uploadValidation()
    {
        QFETCH(QString, folder);
        QFETCH(QString, access);
        QFETCH(int, status);
        const Answer a = upload("%PDF-1.4", u"a.pdf"_s, folder, access);
        QCOMPARE(a.status, status);
        if (status == 400) {
            QCOMPARE(a.json.value(u"status"_s).toString(), u"error"_s);
            QCOMPARE(a.json.value(u"category"_s).toString(), u"VALIDATION_ERROR"_s);
            QVERIFY(m_hs->files().all().isEmpty());
        }
    }

    void searchPagesAndFilters()
    {
        QStringList pdfIds;
        for (int i = 0; i < 5; ++i) {
            auto f = m_hs->seedFile(u"invoice-%1.pdf"_s.arg(i), u"/invoices"_s, "%PDF " + QByteArray::number(i));
            QVERIFY(f.has_value());
            pdfIds << f->value(u"id"_s).toString();
        }
        QVERIFY(m_hs->seedFile(u"logo.png"_s, u"/images"_s, "PNG").has_value());

        const Answer defaultPage = get(u"/files/v3/files/search"_s);
        QCOMPARE(defaultPage.status, 200);
        QCOMPARE(defaultPage.json.value(u"results"_s).toArray().size(), 6); // default limit 10
        QVERIFY(!defaultPage.json.contains(u"paging"_s));

        QStringList seen;
        QString after;
        int pages = 0;
        do {
            const Answer page = get(u"/files/v3/files/search?extension=pdf&limit=2"_s
                                    + (after.isEmpty() ? QString() : u"&after="_s + after));
            QCOMPARE(page.status, 200);
            for (const QJsonValue &v : page.json.value(u"results"_s).toArray()) {
                QCOMPARE(v.toObject().value(u"extension"_s).toString(), u"pdf"_s);
                seen << v.toObject().value(u"id"_s).toString();
            }
            after = page.json.value(u"paging"_s).toObject().value(u"next"_s).toObject().value(u"after"_s).toString();
            ++pages;
        } while (!after.isEmpty() && pages < 10);
        QCOMPARE(seen, pdfIds);
        QCOMPARE(pages, 3);

        const Answer tooMany = get(u"/files/v3/files/search?limit=101"_s);
        QCOMPARE(tooMany.status, 400);
        const Answer noToken = get(u"/files/v3/files/search"_s, false);
        QCOMPARE(noToken.status, 401);

        // Archived files leave the search and 404 by id.
        QCOMPARE(finish(m_nam.sendCustomRequest(
                            [&] {
                                QUrl url = m_hs->baseUrl();
                                url.setPath(u"/files/v3/files/"_s + pdfIds.first());
                                QNetworkRequest r(url);
                                r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
                                return r;
                            }(),
                            "DELETE"))
                     .status,
                 204);
        QCOMPARE(get(u"/files/v3/files/"_s + pdfIds.first()).status, 404);
        QCOMPARE(get(u"/files/v3/files/search?extension=pdf"_s).json.value(u"results"_s).toArray().size(), 4);
    }

    void signedUrlReadsPrivateBytes()
    {
        const QByteArray pdf = "%PDF-1.7 private invoice";
        auto f = m_hs->seedFile(u"INV-7.pdf"_s, u"/invoices"_s, pdf);
        QVERIFY(f.has_value());
        const QString id = f->value(u"id"_s).toString();

        // The plain URL of a private file is refused; the signed one reads it, without a token.
        QCOMPARE(getUrl(QUrl(f->value(u"url"_s).toString()), false).status, 403);
        const Answer signedUrl = get(u"/files/v3/files/%1/signed-url"_s.arg(id));
        QCOMPARE(signedUrl.status, 200);
        QCOMPARE(signedUrl.json.value(u"size"_s).toInteger(), pdf.size());
        QCOMPARE(signedUrl.json.value(u"extension"_s).toString(), u"pdf"_s);
        QCOMPARE(signedUrl.json.value(u"expiresAt"_s).toString(), u"2026-03-10T17:05:00.000Z"_s);
        const QUrl url(signedUrl.json.value(u"url"_s).toString());
        QVERIFY(QUrlQuery(url).hasQueryItem(u"Signature"_s));
        const Answer bytes = getUrl(url, false);
        QCOMPARE(bytes.status, 200);
        QCOMPARE(bytes.body, pdf);
        QCOMPARE(bytes.contentType, QByteArray("application/pdf"));

        // A forged signature, or an expired one, reads nothing.
        QUrl forged = url;
        QUrlQuery q(url);
        q.removeQueryItem(u"Signature"_s);
        q.addQueryItem(u"Signature"_s, u"0"_s);
        forged.setQuery(q);
        QCOMPARE(getUrl(forged, false).status, 403);
        m_clock->advanceSecs(301);
        QCOMPARE(getUrl(url, false).status, 403);

        // Public files need no signature.
        auto pub = m_hs->seedFile(u"brochure.pdf"_s, u"/"_s, "%PDF public", u"PUBLIC_NOT_INDEXABLE"_s);
        QVERIFY(pub.has_value());
        QCOMPARE(pub->value(u"path"_s).toString(), u"/brochure.pdf"_s);
        QCOMPARE(getUrl(QUrl(pub->value(u"url"_s).toString()), false).body, QByteArray("%PDF public"));

        QCOMPARE(get(u"/files/v3/files/999/signed-url"_s).status, 404);
        QCOMPARE(get(u"/hubfs/%1/nothing.pdf"_s.arg(m_hs->portal().portalId()), false).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestHubSpotFiles)
#include "tst_hubspotfiles.moc"
