#pragma once

#include "common/error.h"
#include "connectors/oauth/oauthsettings.h"

#include <QMap>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QOAuthHttpServerReplyHandler;
QT_END_NAMESPACE

namespace Concord::Connectors::OAuth {

class CodeFlow;

// The browser half of the authorization-code flow, on QtNetworkAuth: a
// QOAuthHttpServerReplyHandler listening on 127.0.0.1 receives the redirect,
// and a QOAuth2AuthorizationCodeFlow builds the authorization URL (client id,
// scope, redirect_uri, a fresh random state). The code is *not* exchanged
// here: TokenManager does that itself (Basic auth, error parsing, saving the
// refresh token before use).
//
// Contract: used on one thread; `done` runs exactly once, from the event
// loop (never inside start()), unless the object is destroyed first.
class LoopbackAuthorization
{
public:
    struct Callback {
        QString code;
        QString redirectUri;                // as sent; the token request repeats it
        QMap<QString, QString> parameters;  // everything else, e.g. realmId
    };
    using OpenBrowser = std::function<void(const QUrl &)>;
    using Done = std::function<void(Result<Callback>)>;

    explicit LoopbackAuthorization(OAuthSettings settings);
    ~LoopbackAuthorization();
    LoopbackAuthorization(const LoopbackAuthorization &) = delete;
    LoopbackAuthorization &operator=(const LoopbackAuthorization &) = delete;

    // Listens, builds the URL, hands it to `openBrowser` (which must not block;
    // on the GUI side it would be QDesktopServices::openUrl) and waits for the
    // redirect, at most settings.authorizationTimeout.
    void start(const OpenBrowser &openBrowser, Done done);

private:
    void complete(Result<Callback> result);
    void onCallback(const QVariantMap &values);

    OAuthSettings m_settings;
    std::unique_ptr<CodeFlow> m_flow;
    QOAuthHttpServerReplyHandler *m_handler = nullptr; // owned by m_flow
    QTimer m_timeout;
    Done m_done;
    QString m_redirectUri;
};

} // namespace Concord::Connectors::OAuth
