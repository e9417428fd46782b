#include "connectors/oauth/loopbackauthorization.h"

#include "common/logging.h"

#include <QHostAddress>
#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>

using namespace Qt::StringLiterals;

namespace Concord::Connectors::OAuth {

// QOAuth2AuthorizationCodeFlow with its URL builder reachable. Only
// buildAuthenticateUrl() is used: grant() would also exchange the code
// itself, with the secret in the form and without our ordering guarantees.
class CodeFlow final : public QOAuth2AuthorizationCodeFlow
{
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;
    using QOAuth2AuthorizationCodeFlow::buildAuthenticateUrl;
};

namespace {
QString decoded(const QVariant &value)
{
    return QUrl::fromPercentEncoding(value.toString().toUtf8());
}
} // namespace

LoopbackAuthorization::LoopbackAuthorization(OAuthSettings settings)
    : m_settings(std::move(settings))
{
    m_timeout.setSingleShot(true);
}

LoopbackAuthorization::~LoopbackAuthorization() = default;

void LoopbackAuthorization::start(const OpenBrowser &openBrowser, Done done)
{
    m_done = std::move(done);
    m_flow = std::make_unique<CodeFlow>();
    // This constructor listens at once, on loopback only (the default one
    // would listen on every interface).
    m_handler = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost),
                                                 m_settings.redirectPort, m_flow.get());
    m_handler->setCallbackPath(m_settings.redirectPath);
    m_handler->setCallbackText(
        u"%1 is connected. You can close this window and return to Concord."_s.arg(
            m_settings.connectionName));
    if (!m_handler->isListening()) {
        QTimer::singleShot(0, m_flow.get(), [this] {
            complete(fail(ErrorCode::Network,
                          u"could not listen on 127.0.0.1:%1 for the authorization redirect"_s.arg(
                              m_settings.redirectPort)));
        });
        return;
    }
    m_flow->setReplyHandler(m_handler);
    m_flow->setAuthorizationUrl(m_settings.authorizationUrl);
    m_flow->setAccessTokenUrl(m_settings.tokenUrl);
    m_flow->setClientIdentifier(m_settings.clientId);
    m_flow->setScope(m_settings.scopes.join(u' '));
    m_redirectUri = m_handler->callback();

    QObject::connect(m_flow.get(), &QAbstractOAuth2::authorizationCallbackReceived, m_flow.get(),
                     [this](const QVariantMap &values) { onCallback(values); });
    QObject::connect(&m_timeout, &QTimer::timeout, m_flow.get(), [this] {
        complete(fail(ErrorCode::Unauthorized,
                      u"the %1 authorization was not completed in the browser in time"_s.arg(
                          m_settings.connectionName)));
    });
    const QUrl url = m_flow->buildAuthenticateUrl();
    m_timeout.start(m_settings.authorizationTimeout);
    qCInfo(lcConnectorsOAuth).noquote()
        << m_settings.connectionName << "authorization: waiting for the redirect on"
        << m_redirectUri;
    QTimer::singleShot(0, m_flow.get(), [openBrowser, url] {
        if (openBrowser)
            openBrowser(url);
    });
}

void LoopbackAuthorization::onCallback(const QVariantMap &values)
{
    const QString error = decoded(values.value(u"error"_s));
    if (!error.isEmpty()) {
        Error failure = Error::make(
            ErrorCode::Unauthorized,
            u"the %1 authorization was refused in the browser (%2)"_s.arg(m_settings.connectionName,
                                                                          error),
            decoded(values.value(u"error_description"_s)));
        failure.remoteCode = error;
        complete(std::unexpected(std::move(failure)));
        return;
    }
    const QString state = decoded(values.value(u"state"_s));
    if (state.isEmpty() || state != m_flow->state()) {
        // Not our browser session (or a forged request): ignore it and keep
        // waiting for the real redirect.
        qCWarning(lcConnectorsOAuth).noquote()
            << m_settings.connectionName << "authorization: redirect with a wrong state ignored";
        return;
    }
    Callback callback;
    callback.code = decoded(values.value(u"code"_s));
    callback.redirectUri = m_redirectUri;
    if (callback.code.isEmpty()) {
        complete(fail(ErrorCode::Unauthorized,
                      u"the %1 authorization redirect carried no code"_s.arg(
                          m_settings.connectionName)));
        return;
    }
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key() != u"code" && it.key() != u"state")
            callback.parameters.insert(it.key(), decoded(it.value()));
    }
    complete(std::move(callback));
}

void LoopbackAuthorization::complete(Result<Callback> result)
{
    m_timeout.stop();
    if (m_handler)
        m_handler->close();
    if (Done done = std::exchange(m_done, {}))
        done(std::move(result));
}

} // namespace Concord::Connectors::OAuth
