#include "quickbooks/quickbooksemulator.h"

#include "common/clock.h"
#include "quickbooks/qboformat.h"
#include "quickbooks/qbopdf.h"
#include "quickbooks/qboquery.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

QString methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return u"GET"_s;
    case QHttpServerRequest::Method::Post:
        return u"POST"_s;
    case QHttpServerRequest::Method::Put:
        return u"PUT"_s;
    case QHttpServerRequest::Method::Delete:
        return u"DELETE"_s;
    case QHttpServerRequest::Method::Patch:
        return u"PATCH"_s;
    case QHttpServerRequest::Method::Head:
        return u"HEAD"_s;
    case QHttpServerRequest::Method::Options:
        return u"OPTIONS"_s;
    default:
        return u"OTHER"_s;
    }
}

QByteArray header(const QHttpServerRequest &request, const QByteArray &name)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject parseObject(const QByteArray &body, QString *error)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = e.error != QJsonParseError::NoError ? e.errorString() : u"the body is not a JSON object"_s;
        return {};
    }
    return doc.object();
}

QboFault malformedBody(const QString &why)
{
    return QboFault::validation(u"2010"_s, u"Request has invalid or unsupported property"_s,
                                u"Request body could not be parsed: %1"_s.arg(why));
}

} // namespace

QuickBooksEmulator::QuickBooksEmulator(QObject *parent)
    : QObject(parent),
      m_clock(&Clock::system()),
      m_auth(std::make_unique<QboAuth>(m_clock)),
      m_limiter([this] { return emulatedMs(); }),
      m_webhooks(new QboWebhookSender(this))
{
    m_realTime.start();
    m_server = new QboHttpServer(
        [this](const QHttpServerRequest &r) {
            m_dropAfterExecuting = false;
            QboHttpServer::Plan p = plan(r);
            if (m_dropAfterExecuting)
                p.drop = true; // executed (and cached for replay); the answer is lost
            return p;
        },
        this);
}

QuickBooksEmulator::~QuickBooksEmulator() = default;

bool QuickBooksEmulator::listen(quint16 port)
{
    m_port = m_server->listen(QHostAddress::LocalHost, port);
    return m_port != 0;
}

QUrl QuickBooksEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

QUrl QuickBooksEmulator::tokenUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u"/oauth2/v1/tokens/bearer"_s);
    return url;
}

QUrl QuickBooksEmulator::revokeUrl() const
{
    QUrl url = baseUrl();
    url.setPath(u"/v2/oauth2/tokens/revoke"_s);
    return url;
}

void QuickBooksEmulator::setClock(const Clock *clock)
{
    m_clock = clock ? clock : &Clock::system();
    // Tokens and realms keep the clock they were made with; a new clock starts fresh.
    auto auth = std::make_unique<QboAuth>(m_clock);
    auth->setClientCredentials(m_auth->clientId(), m_auth->clientSecret());
    m_auth = std::move(auth);
    QHash<QString, std::shared_ptr<QboRealm>> realms;
    for (auto it = m_realms.cbegin(); it != m_realms.cend(); ++it)
        realms.insert(it.key(), std::make_shared<QboRealm>(it.key(), m_clock, it.value()->offsetSecs()));
    m_realms = realms;
}

void QuickBooksEmulator::setTimeScale(double scale)
{
    m_timeScale = scale < 1.0 ? 1.0 : scale;
    m_webhooks->setTimeScale(m_timeScale);
}

void QuickBooksEmulator::setApiDelay(int ms)
{
    m_server->setApiDelayMs(ms);
}

int QuickBooksEmulator::apiDelay() const
{
    return m_server->apiDelayMs();
}

qint64 QuickBooksEmulator::emulatedMs() const
{
    // Throttle windows run on real monotonic time (scaled), not on the injected
    // clock: a frozen ManualClock must not make every later request look like
    // part of one burst. Nanoseconds: at time scale 60, whole real
    // milliseconds would round throttle times to 60 emulated ms.
    return qint64(double(m_realTime.nsecsElapsed()) / 1e6 * m_timeScale);
}

void QuickBooksEmulator::addRealm(const QString &realmId, int utcOffsetSecs)
{
    m_realms.insert(realmId, std::make_shared<QboRealm>(realmId, m_clock, utcOffsetSecs));
}

bool QuickBooksEmulator::hasRealm(const QString &realmId) const
{
    return m_realms.contains(realmId);
}

QboAuth::Tokens QuickBooksEmulator::issueTokens(const QString &realmId)
{
    return m_auth->issue(realmId);
}

QString QuickBooksEmulator::createAuthorizationCode(const QString &realmId)
{
    return m_auth->createAuthorizationCode(realmId);
}

QuickBooksEmulator::Result QuickBooksEmulator::seed(const QString &realmId, const QString &entity,
                                                    const QJsonObject &object)
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return std::unexpected(QboFault::authentication(u"Unknown realm %1"_s.arg(realmId)));
    QboRealm &realm = **it;
    const QString name = QboQuery::canonicalEntity(entity);
    Result result;
    if (name == u"TaxCode"_s || name == u"TaxRate"_s) {
        result = realm.insertRaw(name, object);
    } else if (name == u"CompanyInfo"_s || name == u"Preferences"_s) {
        QJsonObject merged = name == u"CompanyInfo"_s ? realm.companyInfo() : realm.preferences();
        for (auto f = object.constBegin(); f != object.constEnd(); ++f)
            merged.insert(f.key(), f.value());
        result = realm.insertRaw(name, merged);
    } else {
        result = realm.create(name, object);
    }
    // Seeding sets the scene: it is not a change a webhook would report.
    (void)realm.takeChanges();
    return result;
}

QJsonObject QuickBooksEmulator::seedTaxRate(const QString &realmId, const QString &name, const QString &percent)
{
    bool ok = false;
    const double value = percent.toDouble(&ok);
    return seed(realmId, u"TaxRate"_s,
                QJsonObject{ { u"Name"_s, name }, { u"Description"_s, name },
                             { u"RateValue"_s, ok ? QJsonValue(value) : QJsonValue(0) },
                             { u"AgencyRef"_s, QJsonObject{ { u"value"_s, u"1"_s } } },
                             { u"SpecialTaxType"_s, u"NONE"_s }, { u"DisplayType"_s, u"ReadOnly"_s } })
        .value_or(QJsonObject());
}

QJsonObject QuickBooksEmulator::seedTaxCode(const QString &realmId, const QString &name, const QStringList &taxRateIds)
{
    QJsonArray details;
    int order = 0;
    for (const QString &id : taxRateIds)
        details.append(QJsonObject{ { u"TaxRateRef"_s, QJsonObject{ { u"value"_s, id } } },
                                    { u"TaxTypeApplicable"_s, u"TaxOnAmount"_s },
                                    { u"TaxOrder"_s, order++ } });
    return seed(realmId, u"TaxCode"_s,
                QJsonObject{ { u"Name"_s, name }, { u"Description"_s, name },
                             { u"Taxable"_s, true }, { u"TaxGroup"_s, taxRateIds.size() > 1 },
                             { u"SalesTaxRateList"_s, QJsonObject{ { u"TaxRateDetail"_s, details } } },
                             { u"PurchaseTaxRateList"_s, QJsonObject{ { u"TaxRateDetail"_s, QJsonArray() } } } })
        .value_or(QJsonObject());
}

void QuickBooksEmulator::reset()
{
    m_realms.clear();
    m_auth->clear();
    m_faults.clear();
    m_log.clear();
    m_replay.clear();
    m_limiter.clear();
    m_webhooks->clear();
}

QJsonObject QuickBooksEmulator::entity(const QString &realmId, const QString &entity, const QString &id) const
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return {};
    return (*it)->read(QboQuery::canonicalEntity(entity), id).value_or(QJsonObject());
}

QList<QJsonObject> QuickBooksEmulator::entities(const QString &realmId, const QString &entity) const
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return {};
    return (*it)->all(QboQuery::canonicalEntity(entity));
}

void QuickBooksEmulator::injectFault(const FaultRule &rule)
{
    if (rule.count > 0)
        m_faults.append(rule);
}

void QuickBooksEmulator::clearFaults()
{
    m_faults.clear();
}

void QuickBooksEmulator::setThrottlingEnabled(bool enabled)
{
    m_limiter.setEnabled(enabled);
}

void QuickBooksEmulator::setThrottleLimits(const QboRateLimiter::Limits &limits)
{
    m_limiter.setLimits(limits);
}

void QuickBooksEmulator::setWebhook(const QUrl &url, const QByteArray &verifierToken,
                                    QboWebhookSender::Format format)
{
    m_webhooks->configure(url, verifierToken, format);
}

void QuickBooksEmulator::flushChanges(QboRealm &realm)
{
    QList<QboWebhookSender::Event> events;
    for (const QboRealm::Change &c : realm.takeChanges())
        events.append({ realm.id(), c.entity, c.id, c.operation, c.whenUtc });
    m_webhooks->send(events);
}

QuickBooksEmulator::Result QuickBooksEmulator::recordPayment(const QString &realmId, const QString &customerId,
                                                             qint64 totalCents,
                                                             const QList<QPair<QString, qint64>> &applications)
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return std::unexpected(QboFault::authentication(u"Unknown realm %1"_s.arg(realmId)));
    QJsonArray lines;
    for (const auto &a : applications)
        lines.append(QJsonObject{ { u"Amount"_s, QboFormat::amount(a.second) },
                                  { u"LinkedTxn"_s, QJsonArray{ QJsonObject{ { u"TxnId"_s, a.first },
                                                                             { u"TxnType"_s, u"Invoice"_s } } } } });
    Result r = (*it)->create(u"Payment"_s, QJsonObject{ { u"CustomerRef"_s, QJsonObject{ { u"value"_s, customerId } } },
                                                        { u"TotalAmt"_s, QboFormat::amount(totalCents) },
                                                        { u"Line"_s, lines } });
    flushChanges(**it);
    return r;
}

QuickBooksEmulator::Result QuickBooksEmulator::voidInvoice(const QString &realmId, const QString &invoiceId)
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return std::unexpected(QboFault::authentication(u"Unknown realm %1"_s.arg(realmId)));
    const QJsonObject current = (*it)->stored(u"Invoice"_s, invoiceId);
    Result r = (*it)->voidTransaction(u"Invoice"_s, QJsonObject{ { u"Id"_s, invoiceId },
                                                                 { u"SyncToken"_s, current.value(u"SyncToken"_s) } });
    flushChanges(**it);
    return r;
}

QuickBooksEmulator::Result QuickBooksEmulator::editCustomer(const QString &realmId, const QString &customerId,
                                                            const QJsonObject &changes)
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return std::unexpected(QboFault::authentication(u"Unknown realm %1"_s.arg(realmId)));
    QJsonObject body = changes;
    body.insert(u"Id"_s, customerId);
    body.insert(u"SyncToken"_s, (*it)->stored(u"Customer"_s, customerId).value(u"SyncToken"_s));
    Result r = (*it)->update(u"Customer"_s, body, true);
    flushChanges(**it);
    return r;
}

QuickBooksEmulator::Result QuickBooksEmulator::deleteTransaction(const QString &realmId, const QString &entity,
                                                                 const QString &id)
{
    const auto it = m_realms.constFind(realmId);
    if (it == m_realms.cend())
        return std::unexpected(QboFault::authentication(u"Unknown realm %1"_s.arg(realmId)));
    const QString name = QboQuery::canonicalEntity(entity);
    Result r = (*it)->remove(name, QJsonObject{ { u"Id"_s, id },
                                                { u"SyncToken"_s, (*it)->stored(name, id).value(u"SyncToken"_s) } });
    flushChanges(**it);
    return r;
}

QString QuickBooksEmulator::nowEnvelope(const QString &realmId) const
{
    const auto it = m_realms.constFind(realmId);
    return QboFormat::envelopeTime(m_clock->nowUtc(), it == m_realms.cend() ? -7 * 3600 : (*it)->offsetSecs());
}

QboReply QuickBooksEmulator::faultReply(const QboFault &fault, const QString &realmId) const
{
    QboReply r;
    r.status = fault.httpStatus();
    r.body = fault.envelope(nowEnvelope(realmId));
    return r;
}

QboReply QuickBooksEmulator::jsonReply(const QJsonObject &object, int status) const
{
    QboReply r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

QboReply QuickBooksEmulator::envelopeReply(const QString &key, const QJsonValue &value, const QString &realmId) const
{
    return jsonReply(QJsonObject{ { key, value }, { u"time"_s, nowEnvelope(realmId) } });
}

QboReply QuickBooksEmulator::resultReply(const QString &key, const Result &result, const QString &realmId) const
{
    if (!result)
        return faultReply(result.error(), realmId);
    return envelopeReply(key, *result, realmId);
}

QboHttpServer::Plan QuickBooksEmulator::plan(const QHttpServerRequest &request)
{
    QboHttpServer::Plan plan;
    const QString method = methodName(request.method());
    const QString path = request.url().path();
    const QString queryText = request.url().query(QUrl::FullyEncoded);
    // Form encoding: '+' in a query string is a space (a literal plus arrives
    // as %2B). QUrlQuery keeps '+' as is; QBO's servlet stack decodes it, and
    // common clients (curl --data-urlencode, Python's urlencode) send it.
    const QUrlQuery query(request.url().query(QUrl::FullyEncoded).replace(u'+', u"%20"_s));
    const QByteArray body = request.body();
    const QStringList segments = path.split(u'/', Qt::SkipEmptyParts);

    LogEntry entry{ method, path, query.queryItemValue(u"query"_s).isEmpty() ? queryText
                                                                            : request.url().query(QUrl::FullyDecoded),
                    query.queryItemValue(u"requestid"_s, QUrl::FullyDecoded), QString(), 0 };
    if (segments.size() >= 3 && segments.at(0) == u"v3"_s && segments.at(1) == u"company"_s)
        entry.realmId = segments.at(2);
    m_log.append(entry);
    const qsizetype logIndex = m_log.size() - 1;
    const qsizetype logGeneration = m_log.size();
    QString admittedRealm; // set when a throttle slot is held
    auto done = [this, logIndex, logGeneration, method, path, &admittedRealm]() {
        return [this, logIndex, logGeneration, method, path, realm = admittedRealm](int status) {
            // The log may have been cleared meanwhile; only fill our own entry.
            if (logIndex < m_log.size() && m_log.size() >= logGeneration && m_log.at(logIndex).path == path)
                m_log[logIndex].status = status;
            if (!realm.isEmpty())
                m_limiter.finish(realm);
            Q_EMIT requestHandled(method, path, status);
        };
    };

    if (!segments.isEmpty() && segments.first() == u"__admin"_s) {
        plan.reply = handleAdmin(method, segments.mid(1), body);
        plan.done = done();
        return plan;
    }
    if (path == u"/oauth2/v1/tokens/bearer"_s && method == u"POST"_s) {
        plan.reply = m_auth->tokenEndpoint(header(request, "Authorization"), body);
        plan.done = done();
        return plan;
    }
    if (path == u"/v2/oauth2/tokens/revoke"_s && method == u"POST"_s) {
        plan.reply = m_auth->revokeEndpoint(header(request, "Authorization"), body);
        plan.done = done();
        return plan;
    }

    // Gateway fault injection comes first: it stands for the network and
    // Intuit's edge, before any work is done.
    const QString target = queryText.isEmpty() ? path : path + u'?' + request.url().query(QUrl::FullyDecoded);
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        FaultRule &rule = m_faults[i];
        if (!target.contains(rule.pathContains))
            continue;
        const FaultRule applied = rule;
        if (--rule.count <= 0)
            m_faults.removeAt(i);
        plan.delayMs = applied.delayMs;
        if (applied.drop && applied.afterExecuting) {
            m_dropAfterExecuting = true;
            break; // execute normally below; the answer is dropped
        }
        if (applied.drop) {
            plan.drop = true;
            plan.done = done();
            return plan;
        }
        if (applied.httpStatus > 0) {
            plan.reply = faultReply(QboFault::injected(applied.httpStatus, applied.faultCode), entry.realmId);
            plan.done = done();
            return plan;
        }
        break; // delay only: answer normally, later
    }

    if (segments.size() < 3 || segments.at(0) != u"v3"_s || segments.at(1) != u"company"_s) {
        plan.reply = jsonReply(QJsonObject{ { u"error"_s, u"not found"_s } }, 404);
        plan.done = done();
        return plan;
    }
    const QString realmId = segments.at(2);
    const QByteArray authorization = header(request, "Authorization");
    const QString bearer = authorization.startsWith("Bearer ") ? QString::fromLatin1(authorization.mid(7).trimmed())
                                                               : QString();
    if (!m_realms.contains(realmId)) {
        plan.reply = faultReply(QboFault::authentication(u"Unknown realm %1"_s.arg(realmId)), realmId);
        plan.done = done();
        return plan;
    }
    if (const auto denied = m_auth->checkAccess(bearer, realmId)) {
        plan.reply = faultReply(QboFault::authentication(*denied), realmId);
        plan.done = done();
        return plan;
    }
    const QStringList rest = segments.mid(3);
    const bool isBatch = !rest.isEmpty() && rest.first() == u"batch"_s;
    if (!m_limiter.admit(realmId, isBatch)) {
        const QboFault fault = QboFault::throttled();
        if (m_throttleXml) {
            plan.reply.status = fault.httpStatus();
            plan.reply.contentType = "application/xml";
            plan.reply.body = fault.xmlEnvelope(nowEnvelope(realmId));
        } else {
            plan.reply = faultReply(fault, realmId);
        }
        plan.done = done();
        return plan;
    }
    admittedRealm = realmId;

    // requestid replay (quickbooks.md §1.5): same (realm, id) → the first
    // answer byte for byte, without executing again.
    const QString requestId = query.queryItemValue(u"requestid"_s, QUrl::FullyDecoded);
    QString replayKey;
    QByteArray fingerprint;
    if (!requestId.isEmpty()) {
        if (requestId.size() > (isBatch ? 36 : 50)) {
            plan.reply = faultReply(QboFault::validation(u"2130"_s, u"Invalid Request Id Format"_s,
                                                         u"The requestid must be at most %1 characters"_s.arg(isBatch ? 36 : 50)),
                                    realmId);
            plan.done = done();
            return plan;
        }
        replayKey = realmId + u'\n' + requestId;
        QUrlQuery significant = query;
        significant.removeAllQueryItems(u"requestid"_s);
        significant.removeAllQueryItems(u"minorversion"_s);
        fingerprint = QCryptographicHash::hash(
            (method + u' ' + path + u'?' + significant.query(QUrl::FullyDecoded)).toUtf8() + '\n' + body,
            QCryptographicHash::Sha256);
        const auto cached = m_replay.constFind(replayKey);
        if (cached != m_replay.cend()) {
            if (cached->fingerprint != fingerprint && m_rejectReuse)
                plan.reply = faultReply(QboFault::duplicateRequestId(), realmId);
            else
                plan.reply = cached->reply;
            plan.done = done();
            return plan;
        }
    }

    plan.reply = handleApi(method, realmId, rest, query, body, header(request, "Accept"));
    plan.reply.extraHeaders.append({ "intuit_tid", QUuid::createUuid().toByteArray(QUuid::WithoutBraces) });
    // Server errors are not remembered: a retry with the same id may succeed.
    if (!replayKey.isEmpty() && plan.reply.status < 500)
        m_replay.insert(replayKey, { fingerprint, plan.reply });
    flushChanges(*m_realms.value(realmId));
    plan.done = done();
    return plan;
}

QboReply QuickBooksEmulator::handleApi(const QString &method, const QString &realmId, const QStringList &rest,
                                       const QUrlQuery &query, const QByteArray &body, const QByteArray &accept)
{
    Q_UNUSED(accept); // the PDF route answers application/pdf whatever Accept says
    QboRealm &realm = *m_realms.value(realmId);
    if (rest.isEmpty())
        return faultReply(QboFault::unsupportedOperation(u"(no resource)"_s), realmId);
    const QString segment = rest.first();
    const bool get = method == u"GET"_s;
    const bool post = method == u"POST"_s;
    const QString include = query.queryItemValue(u"include"_s, QUrl::FullyDecoded);
    const QString linkBase = include.contains(u"invoiceLink"_s, Qt::CaseInsensitive) ? baseUrl().toString() : QString();

    if (segment == u"query"_s && rest.size() == 1 && (get || post)) {
        const QString statement = get ? query.queryItemValue(u"query"_s, QUrl::FullyDecoded) : QString::fromUtf8(body);
        if (statement.trimmed().isEmpty())
            return faultReply(QboFault::queryParse(u"Encountered \"<EOF>\" at line 1, column 1."_s), realmId);
        return resultReply(u"QueryResponse"_s, realm.query(statement, linkBase), realmId);
    }
    if (segment == u"cdc"_s && rest.size() == 1 && get) {
        const auto r = realm.changeDataCapture(query.queryItemValue(u"entities"_s, QUrl::FullyDecoded),
                                               query.queryItemValue(u"changedSince"_s, QUrl::FullyDecoded));
        if (!r)
            return faultReply(r.error(), realmId);
        return envelopeReply(u"CDCResponse"_s, *r, realmId);
    }
    if (segment == u"batch"_s && rest.size() == 1 && post)
        return handleBatch(realmId, body);
    if (segment == u"companyinfo"_s && rest.size() == 2 && get) {
        if (rest.at(1) != realmId)
            return faultReply(QboFault::objectNotFound(), realmId);
        return envelopeReply(u"CompanyInfo"_s, realm.companyInfo(), realmId);
    }
    if (segment == u"preferences"_s && rest.size() == 1 && get)
        return envelopeReply(u"Preferences"_s, realm.preferences(), realmId);

    const QString entity = QboRealm::entityForSegment(segment);
    if (entity.isEmpty())
        return faultReply(QboFault::unsupportedOperation(u"%1 %2"_s.arg(method, segment)), realmId);

    if (rest.size() == 1 && post) {
        QString why;
        const QJsonObject object = parseObject(body, &why);
        if (!why.isEmpty())
            return faultReply(malformedBody(why), realmId);
        const QString operation = query.queryItemValue(u"operation"_s, QUrl::FullyDecoded);
        if (operation == u"delete"_s)
            return resultReply(entity, realm.remove(entity, object), realmId);
        if (operation == u"void"_s)
            return resultReply(entity, realm.voidTransaction(entity, object), realmId);
        if (operation == u"update"_s && include == u"void"_s)
            return resultReply(entity, realm.voidTransaction(entity, object), realmId);
        if (!operation.isEmpty() && operation != u"update"_s && operation != u"create"_s)
            return faultReply(QboFault::unsupportedOperation(operation), realmId);
        return resultReply(entity, realm.write(entity, object), realmId);
    }
    if (rest.size() == 2 && get) {
        auto r = realm.read(entity, rest.at(1));
        if (r && !linkBase.isEmpty() && entity == u"Invoice"_s)
            r = realm.withInvoiceLink(*r, linkBase);
        return resultReply(entity, r, realmId);
    }
    if (rest.size() == 3 && rest.at(2) == u"pdf"_s && get && QboRealm::isTransaction(entity)) {
        const auto r = realm.read(entity, rest.at(1));
        if (!r)
            return faultReply(r.error(), realmId);
        QboReply reply;
        reply.contentType = "application/pdf";
        reply.body = QboPdf::render(entity, *r);
        return reply;
    }
    if (rest.size() == 3 && rest.at(2) == u"send"_s && post)
        return resultReply(entity, realm.send(entity, rest.at(1), query.queryItemValue(u"sendTo"_s, QUrl::FullyDecoded)),
                           realmId);
    return faultReply(QboFault::unsupportedOperation(u"%1 %2"_s.arg(method, rest.join(u'/'))), realmId);
}

QboReply QuickBooksEmulator::handleBatch(const QString &realmId, const QByteArray &body)
{
    QString why;
    const QJsonObject object = parseObject(body, &why);
    if (!why.isEmpty())
        return faultReply(malformedBody(why), realmId);
    if (!object.contains(u"BatchItemRequest"_s))
        return faultReply(QboFault::requiredParam(u"BatchItemRequest"_s), realmId);
    const QJsonArray items = object.value(u"BatchItemRequest"_s).toArray();
    if (items.size() > 30)
        return faultReply(QboFault::batchTooLarge(int(items.size())), realmId);
    QboRealm &realm = *m_realms.value(realmId);
    QJsonArray responses;
    // Items are independent: one failing does not undo or stop the others.
    for (const QJsonValue &item : items)
        responses.append(batchItem(realm, item.toObject()));
    return envelopeReply(u"BatchItemResponse"_s, responses, realmId);
}

QJsonObject QuickBooksEmulator::batchItem(QboRealm &realm, const QJsonObject &item)
{
    QJsonObject out{ { u"bId"_s, item.value(u"bId"_s) } };
    const auto put = [&out](const QString &key, const QboRealm::Result &r) {
        if (r)
            out.insert(key, *r);
        else
            out.insert(u"Fault"_s, r.error().toJson());
    };
    if (item.contains(u"Query"_s)) {
        put(u"QueryResponse"_s, realm.query(item.value(u"Query"_s).toString()));
        return out;
    }
    QString entity;
    QJsonObject body;
    for (auto it = item.constBegin(); it != item.constEnd(); ++it) {
        if (it.key() == u"bId"_s || it.key() == u"operation"_s || it.key() == u"optionsData"_s)
            continue;
        entity = QboQuery::canonicalEntity(it.key());
        body = it.value().toObject();
        if (entity.isEmpty() || !QboRealm::isWritable(entity)) {
            put(it.key(), std::unexpected(QboFault::unsupportedOperation(u"batch %1"_s.arg(it.key()))));
            return out;
        }
        break;
    }
    if (entity.isEmpty()) {
        put(QString(), std::unexpected(QboFault::requiredParam(u"BatchItemRequest.Entity"_s)));
        return out;
    }
    const QString operation = item.value(u"operation"_s).toString();
    if (operation == u"create"_s)
        put(entity, realm.create(entity, body));
    else if (operation == u"update"_s && item.value(u"optionsData"_s).toString() == u"void"_s)
        put(entity, realm.voidTransaction(entity, body));
    else if (operation == u"update"_s)
        put(entity, realm.update(entity, body, body.value(u"sparse"_s).toBool()));
    else if (operation == u"delete"_s)
        put(entity, realm.remove(entity, body));
    else
        put(entity, std::unexpected(QboFault::unsupportedOperation(u"batch operation '%1'"_s.arg(operation))));
    return out;
}

QboReply QuickBooksEmulator::handleAdmin(const QString &method, const QStringList &path, const QByteArray &body)
{
    QString why;
    const QJsonObject in = body.trimmed().isEmpty() ? QJsonObject() : parseObject(body, &why);
    const auto bad = [this](const QString &message) {
        return jsonReply(QJsonObject{ { u"error"_s, message } }, 400);
    };
    if (!why.isEmpty())
        return bad(why);
    const QString action = path.join(u'/');
    const QString realmId = in.value(u"realmId"_s).toString();
    const auto fromResult = [this, &realmId](const Result &r) {
        return r ? jsonReply(*r) : faultReply(r.error(), realmId);
    };

    if (action == u"reset"_s && method == u"POST"_s) {
        reset();
        return jsonReply({});
    }
    if (action == u"realms"_s && method == u"POST"_s) {
        if (realmId.isEmpty())
            return bad(u"realmId is required"_s);
        addRealm(realmId, in.value(u"utcOffsetSecs"_s).toInt(-7 * 3600));
        return jsonReply(QJsonObject{ { u"realmId"_s, realmId } });
    }
    if (action == u"tokens"_s && method == u"POST"_s) {
        const auto t = issueTokens(realmId);
        return jsonReply(QJsonObject{ { u"access_token"_s, t.accessToken },
                                      { u"refresh_token"_s, t.refreshToken },
                                      { u"realmId"_s, t.realmId } });
    }
    if (action == u"authcode"_s && method == u"POST"_s)
        return jsonReply(QJsonObject{ { u"code"_s, createAuthorizationCode(realmId) } });
    if (action == u"seed"_s && method == u"POST"_s) {
        if (!hasRealm(realmId))
            addRealm(realmId);
        // Dependencies first, so invoices can reference what the same call seeds.
        static const QStringList order = { u"CompanyInfo"_s, u"Preferences"_s, u"TaxRate"_s, u"TaxCode"_s,
                                           u"Term"_s, u"Item"_s, u"Customer"_s, u"Invoice"_s,
                                           u"CreditMemo"_s, u"Payment"_s, u"RefundReceipt"_s };
        QJsonObject out;
        for (const QString &entity : order) {
            if (!in.contains(entity))
                continue;
            QJsonArray created;
            const QJsonValue v = in.value(entity);
            const QJsonArray list = v.isArray() ? v.toArray() : QJsonArray{ v };
            for (const QJsonValue &o : list) {
                const Result r = seed(realmId, entity, o.toObject());
                if (!r)
                    return faultReply(r.error(), realmId);
                created.append(*r);
            }
            out.insert(entity, created);
        }
        return jsonReply(out);
    }
    if (action == u"faults"_s && method == u"POST"_s) {
        injectFault({ in.value(u"pathContains"_s).toString(), in.value(u"count"_s).toInt(1),
                      in.value(u"status"_s).toInt(0), in.value(u"code"_s).toString(),
                      in.value(u"delayMs"_s).toInt(0), in.value(u"drop"_s).toBool(false),
                      in.value(u"afterExecuting"_s).toBool(false) });
        return jsonReply({});
    }
    if (action == u"faults"_s && method == u"DELETE"_s) {
        clearFaults();
        return jsonReply({});
    }
    if (action == u"log"_s && method == u"GET"_s) {
        QJsonArray entries;
        for (const LogEntry &e : std::as_const(m_log))
            entries.append(QJsonObject{ { u"method"_s, e.method }, { u"path"_s, e.path }, { u"query"_s, e.query },
                                        { u"requestid"_s, e.requestId }, { u"realmId"_s, e.realmId },
                                        { u"status"_s, e.status } });
        return jsonReply(QJsonObject{ { u"entries"_s, entries } });
    }
    if (action == u"log"_s && method == u"DELETE"_s) {
        clearLog();
        return jsonReply({});
    }
    if (action == u"webhooks"_s && method == u"POST"_s) {
        const QString format = in.value(u"format"_s).toString();
        setWebhook(QUrl(in.value(u"url"_s).toString()), in.value(u"verifierToken"_s).toString().toUtf8(),
                   format.compare(u"cloudevents"_s, Qt::CaseInsensitive) == 0 ? QboWebhookSender::Format::CloudEvents
                                                                              : QboWebhookSender::Format::Legacy);
        return jsonReply({});
    }
    if (action == u"throttle"_s && method == u"POST"_s) {
        if (in.contains(u"enabled"_s))
            setThrottlingEnabled(in.value(u"enabled"_s).toBool());
        if (in.contains(u"xml"_s))
            setThrottleXml(in.value(u"xml"_s).toBool());
        if (in.contains(u"timeScale"_s))
            setTimeScale(in.value(u"timeScale"_s).toDouble());
        if (in.contains(u"apiDelayMs"_s))
            setApiDelay(in.value(u"apiDelayMs"_s).toInt());
        return jsonReply({});
    }
    if (path.size() == 3 && path.at(0) == u"state"_s && method == u"GET"_s) {
        QJsonArray list;
        for (const QJsonObject &o : entities(path.at(1), path.at(2)))
            list.append(o);
        return jsonReply(QJsonObject{ { u"entities"_s, list } });
    }
    if (action == u"actions/payment"_s && method == u"POST"_s) {
        QList<QPair<QString, qint64>> applications;
        for (const QJsonValue &v : in.value(u"invoices"_s).toArray()) {
            const auto cents = QboFormat::cents(v.toObject().value(u"amount"_s));
            if (!cents)
                return bad(u"invoices[].amount must be an amount"_s);
            applications.append({ v.toObject().value(u"id"_s).toString(), *cents });
        }
        const auto total = QboFormat::cents(in.value(u"amount"_s));
        if (!total)
            return bad(u"amount must be an amount"_s);
        return fromResult(recordPayment(realmId, in.value(u"customerId"_s).toString(), *total, applications));
    }
    if (action == u"actions/void-invoice"_s && method == u"POST"_s)
        return fromResult(voidInvoice(realmId, in.value(u"id"_s).toString()));
    if (action == u"actions/edit-customer"_s && method == u"POST"_s)
        return fromResult(editCustomer(realmId, in.value(u"id"_s).toString(), in.value(u"changes"_s).toObject()));
    if (action == u"actions/delete"_s && method == u"POST"_s)
        return fromResult(deleteTransaction(realmId, in.value(u"entity"_s).toString(), in.value(u"id"_s).toString()));
    return jsonReply(QJsonObject{ { u"error"_s, u"unknown admin action %1 %2"_s.arg(method, action) } }, 404);
}

} // namespace Concord::Sandbox
