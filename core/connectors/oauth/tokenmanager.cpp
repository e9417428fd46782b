#include "connectors/oauth/tokenmanager.h"

#include "common/clock.h"
#include "common/logging.h"
#include "connectors/http/httpexecutor.h"
#include "security/secretstore.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Concord::Connectors::OAuth {

namespace {

template<typename T> QFuture<T> readyFuture(T value)
{
    QPromise<T> promise;
    promise.start();
    promise.addResult(std::move(value));
    promise.finish();
    return promise.future();
}

template<typename T> void settle(const std::shared_ptr<QPromise<T>> &promise, T value)
{
    promise->addResult(std::move(value));
    promise->finish();
}

// Runs `next` with the future's result from `context`'s event loop. A
// canceled future (its backend went away) becomes a Secrets error. The
// watcher is a child of `context`, so nothing runs after it is destroyed.
template<typename T>
void whenDone(QObject *context, QFuture<Result<T>> future,
              std::function<void(Result<T>)> next)
{
    auto *watcher = new QFutureWatcher<Result<T>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, next = std::move(next)] {
                         watcher->deleteLater();
                         const QFuture<Result<T>> done = watcher->future();
                         if (done.isCanceled() || done.resultCount() < 1) {
                             next(fail(ErrorCode::Secrets,
                                       u"the secret store operation was abandoned"_s));
                             return;
                         }
                         next(done.result());
                     });
    watcher->setFuture(future);
}

QByteArray formEncode(const QList<std::pair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

TokenManager::TokenManager(OAuthSettings settings, HttpExecutor &executor,
                           Security::SecretStore &secrets, const Clock &clock, QObject *parent)
    : QObject(parent),
      m_settings(std::move(settings)),
      m_executor(executor),
      m_secrets(secrets),
      m_clock(clock)
{
}

TokenManager::~TokenManager()
{
    if (m_refresh) {
        Error error = Error::make(ErrorCode::Network, u"the token manager was shut down"_s);
        finishRefresh(std::unexpected(std::move(error)));
    }
}

// --- access tokens ---------------------------------------------------------

QFuture<Result<TokenManager::AccessToken>> TokenManager::accessToken()
{
    if (m_state == State::NeedsReconnect && m_parkReason)
        return readyFuture<Result<AccessToken>>(std::unexpected(*m_parkReason));
    if (m_access) {
        const QDateTime refreshAt = m_access->expiresAt.addSecs(-m_settings.refreshMargin.count());
        if (m_clock.nowUtc() < refreshAt)
            return readyFuture<Result<AccessToken>>(*m_access);
    }
    return startRefresh();
}

QFuture<Result<TokenManager::AccessToken>>
TokenManager::refreshAfterUnauthorized(const QString &rejectedAccessToken)
{
    if (m_state == State::NeedsReconnect && m_parkReason)
        return readyFuture<Result<AccessToken>>(std::unexpected(*m_parkReason));
    if (m_refresh)
        return m_refresh->future(); // a newer token is on its way
    if (m_access && m_access->value != rejectedAccessToken)
        return readyFuture<Result<AccessToken>>(*m_access); // already replaced
    if (m_access && m_accessFromForcedRefresh) {
        Error error = Error::make(
            ErrorCode::Unauthorized,
            u"%1 refused a freshly refreshed access token: reconnect the account"_s.arg(
                m_settings.connectionName));
        error.httpStatus = 401;
        park(error);
        return readyFuture<Result<AccessToken>>(std::unexpected(std::move(error)));
    }
    m_access.reset();
    m_nextRefreshForced = true;
    return startRefresh();
}

QFuture<Result<TokenManager::AccessToken>> TokenManager::startRefresh()
{
    if (m_refresh)
        return m_refresh->future();
    m_refresh = std::make_shared<QPromise<Result<AccessToken>>>();
    m_refresh->start();
    const QFuture<Result<AccessToken>> future = m_refresh->future();

    withRefreshToken([this](Result<QString> refreshToken) {
        if (!refreshToken) {
            finishRefresh(std::unexpected(refreshToken.error()));
            return;
        }
        qCDebug(lcConnectorsOAuth).noquote() << m_settings.connectionName << "refreshing the access token";
        requestTokens({{u"grant_type"_s, u"refresh_token"_s}, {u"refresh_token"_s, *refreshToken}},
                      [this](Result<TokenResponse> tokens, const QDateTime &sentAt) {
                          if (!tokens) {
                              if (tokens.error().code == ErrorCode::Unauthorized)
                                  park(tokens.error());
                              finishRefresh(std::unexpected(tokens.error()));
                              return;
                          }
                          adopt(*tokens, sentAt, false, [this](Status saved) {
                              if (!saved) {
                                  finishRefresh(std::unexpected(saved.error()));
                                  return;
                              }
                              finishRefresh(*m_access);
                          });
                      });
    });
    return future;
}

void TokenManager::finishRefresh(Result<AccessToken> result)
{
    const std::shared_ptr<QPromise<Result<AccessToken>>> promise = std::exchange(m_refresh, {});
    const bool forced = std::exchange(m_nextRefreshForced, false);
    if (result)
        m_accessFromForcedRefresh = forced;
    else
        Q_EMIT errorOccurred(result.error());
    if (promise)
        settle(promise, std::move(result));
}

void TokenManager::withRefreshToken(std::function<void(Result<QString>)> next)
{
    if (!m_refreshToken.isEmpty()) {
        next(m_refreshToken);
        return;
    }
    readSecret(m_settings.refreshTokenName, [this, next = std::move(next)](Result<QString> value) {
        if (!value) {
            if (value.error().code == ErrorCode::NotFound) {
                setState(State::NotConnected);
                Error error = Error::make(
                    ErrorCode::Unauthorized,
                    u"%1 is not connected: no refresh token is stored"_s.arg(m_settings.connectionName));
                error.detail = m_settings.refreshTokenName;
                next(std::unexpected(std::move(error)));
                return;
            }
            next(std::unexpected(value.error()));
            return;
        }
        m_refreshToken = *value;
        if (m_state == State::NotConnected)
            setState(State::Connected);
        next(std::move(value));
    });
}

// --- token endpoint --------------------------------------------------------

QByteArray TokenManager::basicAuthorization(const QString &clientSecret) const
{
    return "Basic " + (m_settings.clientId + u':' + clientSecret).toUtf8().toBase64();
}

void TokenManager::requestTokens(QList<std::pair<QString, QString>> form, TokensDone done)
{
    readSecret(m_settings.clientSecretName,
               [this, form = std::move(form), done = std::move(done)](Result<QString> secret) {
        if (!secret) {
            done(std::unexpected(secret.error()), {});
            return;
        }
        QList<std::pair<QString, QString>> fields = form;
        if (m_settings.clientAuthentication == ClientAuthentication::FormBody) {
            fields.append({u"client_id"_s, m_settings.clientId});
            fields.append({u"client_secret"_s, *secret});
        }
        HttpRequest request = HttpRequest::post(m_settings.tokenUrl, formEncode(fields),
                                                "application/x-www-form-urlencoded");
        if (m_settings.clientAuthentication == ClientAuthentication::BasicHeader)
            request.headers.set("Authorization", basicAuthorization(*secret));
        request.headers.set("Accept", "application/json");
        request.statusHandling = StatusHandling::Raw;
        request.timeout = m_settings.requestTimeout;
        const QDateTime sentAt = m_clock.nowUtc();
        HttpJob *job = m_executor.start(std::move(request));
        connect(job, &HttpJob::finished, this,
                [done, sentAt](const Result<HttpResponse> &response) {
                    if (!response) {
                        done(std::unexpected(response.error()), sentAt);
                        return;
                    }
                    if (!response->isSuccess()) {
                        done(std::unexpected(TokenResponse::parseError(
                                 response->status, response->body, response->requestId())),
                             sentAt);
                        return;
                    }
                    Result<TokenResponse> tokens = TokenResponse::parse(response->body);
                    if (!tokens)
                        tokens.error().requestId = response->requestId();
                    done(std::move(tokens), sentAt);
                });
    });
}

void TokenManager::adopt(const TokenResponse &tokens, const QDateTime &sentAt, bool alwaysSave,
                         std::function<void(Status)> done)
{
    const bool rotated = !tokens.refreshToken.isEmpty() && tokens.refreshToken != m_refreshToken;
    if (!rotated && !alwaysSave) {
        switchTo(tokens, sentAt, false);
        done({});
        return;
    }
    if (tokens.refreshToken.isEmpty()) {
        done(fail(ErrorCode::Unauthorized,
                  u"%1 sent no refresh token"_s.arg(m_settings.connectionName)));
        return;
    }
    // Write, confirm, then switch: until the store has the new refresh token,
    // neither it nor the access token that came with it is used.
    writeSecret(m_settings.refreshTokenName, tokens.refreshToken,
                [this, tokens, sentAt, done = std::move(done)](Status written) {
        if (!written) {
            Error error = Error::make(
                ErrorCode::Secrets,
                u"%1 renewed its refresh token but it could not be saved; keeping the previous "
                "one"_s.arg(m_settings.connectionName),
                written.error().message);
            qCWarning(lcConnectorsOAuth).noquote() << error.message;
            done(std::unexpected(std::move(error)));
            return;
        }
        switchTo(tokens, sentAt, true);
        done({});
    });
}

void TokenManager::switchTo(const TokenResponse &tokens, const QDateTime &sentAt, bool rotated)
{
    // Lifetimes count from when the request left, never later than the server meant.
    m_access = AccessToken{tokens.accessToken, sentAt.addSecs(tokens.expiresInSecs)};
    if (rotated) {
        m_refreshToken = tokens.refreshToken;
        m_refreshIssuedAt = sentAt;
    } else if (!m_refreshIssuedAt) {
        m_refreshIssuedAt = sentAt; // first sighting: at least this old
    }
    if (tokens.refreshTokenExpiresInSecs)
        m_refreshExpiresAt = sentAt.addSecs(*tokens.refreshTokenExpiresInSecs);
    if (tokens.refreshTokenHardExpiresInSecs) {
        const QDateTime hard = sentAt.addSecs(*tokens.refreshTokenHardExpiresInSecs);
        if (!m_refreshExpiresAt || hard < *m_refreshExpiresAt)
            m_refreshExpiresAt = hard;
    }
    m_parkReason.reset();
    setState(State::Connected);
    if (rotated) {
        qCInfo(lcConnectorsOAuth).noquote() << m_settings.connectionName << "refresh token rotated and saved";
        Q_EMIT refreshTokenRotated(*m_refreshIssuedAt, m_refreshExpiresAt.value_or(QDateTime()));
    }
    checkExpiry();
}

// --- state -----------------------------------------------------------------

void TokenManager::park(const Error &error)
{
    m_parkReason = error;
    m_access.reset();
    qCWarning(lcConnectorsOAuth).noquote()
        << m_settings.connectionName << "connection parked, needs a reconnect:" << error.message
        << error.remoteCode;
    setState(State::NeedsReconnect);
}

void TokenManager::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TokenManager::setRefreshTokenTimes(const QDateTime &issuedAt, const QDateTime &expiresAt)
{
    m_refreshIssuedAt = issuedAt.isValid() ? std::optional(issuedAt.toUTC()) : std::nullopt;
    m_refreshExpiresAt = expiresAt.isValid() ? std::optional(expiresAt.toUTC()) : std::nullopt;
    checkExpiry();
}

bool TokenManager::isRefreshTokenExpiring() const
{
    if (!m_refreshExpiresAt)
        return false;
    const qint64 warningSecs =
        std::chrono::duration_cast<std::chrono::seconds>(m_settings.expiryWarning).count();
    return m_clock.nowUtc() >= m_refreshExpiresAt->addSecs(-warningSecs);
}

void TokenManager::checkExpiry()
{
    if (!isRefreshTokenExpiring() || m_expiryReportedFor == m_refreshExpiresAt)
        return;
    m_expiryReportedFor = m_refreshExpiresAt;
    qCWarning(lcConnectorsOAuth).noquote()
        << m_settings.connectionName << "refresh token expires at"
        << m_refreshExpiresAt->toString(Qt::ISODate) << "- reconnect before then";
    Q_EMIT refreshTokenExpiring(*m_refreshExpiresAt);
}

// --- authorization and revocation -----------------------------------------

QFuture<Result<QMap<QString, QString>>>
TokenManager::authorize(const LoopbackAuthorization::OpenBrowser &openBrowser)
{
    using Parameters = QMap<QString, QString>;
    if (m_authorization) {
        return readyFuture<Result<Parameters>>(
            fail(ErrorCode::InvalidArgument,
                 u"a %1 authorization is already in progress"_s.arg(m_settings.connectionName)));
    }
    auto promise = std::make_shared<QPromise<Result<Parameters>>>();
    promise->start();
    m_authorization = std::make_unique<LoopbackAuthorization>(m_settings);
    m_authorization->start(openBrowser, [this, promise](Result<LoopbackAuthorization::Callback> callback) {
        // Destroy the flow later: we are inside one of its signals, and the
        // reply handler writes the browser's "you can close this window" page
        // only after this returns. Its socket dies with the flow, so keep the
        // flow until that page has been flushed (loopback: milliseconds);
        // destroyed at once, the browser got a closed connection instead.
        std::shared_ptr<LoopbackAuthorization> finished(std::move(m_authorization));
        QTimer::singleShot(std::chrono::seconds(2), this, [finished] {});
        if (!callback) {
            Q_EMIT errorOccurred(callback.error());
            settle(promise, Result<Parameters>(std::unexpected(callback.error())));
            return;
        }
        const Parameters parameters = callback->parameters;
        requestTokens({{u"grant_type"_s, u"authorization_code"_s},
                       {u"code"_s, callback->code},
                       {u"redirect_uri"_s, callback->redirectUri}},
                      [this, promise, parameters](Result<TokenResponse> tokens, const QDateTime &sentAt) {
            if (!tokens) {
                Q_EMIT errorOccurred(tokens.error());
                settle(promise, Result<Parameters>(std::unexpected(tokens.error())));
                return;
            }
            adopt(*tokens, sentAt, true, [this, promise, parameters](Status saved) {
                if (!saved) {
                    Q_EMIT errorOccurred(saved.error());
                    settle(promise, Result<Parameters>(std::unexpected(saved.error())));
                    return;
                }
                m_accessFromForcedRefresh = false;
                qCInfo(lcConnectorsOAuth).noquote() << m_settings.connectionName << "connected";
                settle(promise, Result<Parameters>(parameters));
            });
        });
    });
    return promise->future();
}

void TokenManager::sendRevoke(const QString &refreshToken, std::function<void(Status)> next)
{
    if (m_settings.revokeUrl.isEmpty()) {
        next({});
        return;
    }
    readSecret(m_settings.clientSecretName,
               [this, refreshToken, next = std::move(next)](Result<QString> secret) {
        if (!secret) {
            next(std::unexpected(secret.error()));
            return;
        }
        HttpRequest request;
        if (m_settings.revokeBody == RevokeBody::Json) {
            const QJsonObject body{{u"token"_s, refreshToken}};
            request = HttpRequest::post(m_settings.revokeUrl,
                                        QJsonDocument(body).toJson(QJsonDocument::Compact),
                                        "application/json");
        } else {
            request = HttpRequest::post(
                m_settings.revokeUrl,
                formEncode({{u"token"_s, refreshToken}, {u"token_type_hint"_s, u"refresh_token"_s}}),
                "application/x-www-form-urlencoded");
        }
        request.headers.set("Authorization", basicAuthorization(*secret));
        request.headers.set("Accept", "application/json");
        request.statusHandling = StatusHandling::Raw;
        request.timeout = m_settings.requestTimeout;
        HttpJob *job = m_executor.start(std::move(request));
        connect(job, &HttpJob::finished, this, [next](const Result<HttpResponse> &response) {
            if (!response) {
                next(std::unexpected(response.error()));
                return;
            }
            if (!response->isSuccess()) {
                next(std::unexpected(TokenResponse::parseError(response->status, response->body,
                                                               response->requestId())));
                return;
            }
            next({});
        });
    });
}

QFuture<Status> TokenManager::revoke()
{
    auto promise = std::make_shared<QPromise<Status>>();
    promise->start();
    withRefreshToken([this, promise](Result<QString> refreshToken) {
        auto forget = [this, promise](Status revoked) {
            removeSecret(m_settings.refreshTokenName, [this, promise, revoked](Status removed) {
                m_access.reset();
                m_refreshToken.clear();
                m_refreshIssuedAt.reset();
                m_refreshExpiresAt.reset();
                m_parkReason.reset();
                setState(State::NotConnected);
                qCInfo(lcConnectorsOAuth).noquote() << m_settings.connectionName << "disconnected";
                if (!revoked)
                    settle(promise, Status(std::unexpected(revoked.error())));
                else
                    settle(promise, removed);
            });
        };
        if (!refreshToken) {
            // Nothing stored (NotConnected) is fine; other failures are reported.
            const bool nothingStored = refreshToken.error().code == ErrorCode::Unauthorized;
            forget(nothingStored ? Status() : Status(std::unexpected(refreshToken.error())));
            return;
        }
        sendRevoke(*refreshToken, forget);
    });
    return promise->future();
}

// --- secrets -----------------------------------------------------------------

void TokenManager::readSecret(const QString &name, std::function<void(Result<QString>)> next)
{
    whenDone<QString>(this, m_secrets.read(name), std::move(next));
}

void TokenManager::writeSecret(const QString &name, const QString &value,
                               std::function<void(Status)> next)
{
    whenDone<void>(this, m_secrets.write(name, value), std::move(next));
}

void TokenManager::removeSecret(const QString &name, std::function<void(Status)> next)
{
    whenDone<void>(this, m_secrets.remove(name), std::move(next));
}

} // namespace Concord::Connectors::OAuth
