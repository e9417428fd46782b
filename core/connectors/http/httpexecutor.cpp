#include "connectors/http/httpexecutor.h"

#include "common/clock.h"

#include <QHostAddress>
#include <QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Concord::Connectors {

HttpExecutor::HttpExecutor(QNetworkAccessManager *manager, const Clock &clock, QObject *parent)
    : QObject(parent),
      m_manager(manager),
      m_clock(clock),
      m_userAgent(QByteArrayLiteral("Concord/" CONCORD_VERSION))
{
}

HttpExecutor::~HttpExecutor() = default;

HttpJob *HttpExecutor::start(HttpRequest request)
{
    const Status urlOk = checkUrl(request.url);
    auto *job = new HttpJob(std::move(request), m_manager, m_clock, m_userAgent, this);
    if (!urlOk)
        job->failEarly(urlOk.error());
    else
        job->start();
    return job;
}

bool HttpExecutor::isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Status HttpExecutor::checkUrl(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const QString shown =
        url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
            .toDisplayString();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"https" && scheme != u"http")) {
        return fail(ErrorCode::InvalidConfig,
                    u"not an absolute http(s) URL with a host: '%1'"_s.arg(shown));
    }
    if (!url.userInfo().isEmpty()) {
        return fail(ErrorCode::InvalidConfig,
                    u"refusing a URL with a user name or password: '%1'"_s.arg(shown));
    }
    if (scheme == u"http" && !isLoopbackHost(url.host())) {
        return fail(ErrorCode::InvalidConfig,
                    u"refusing plain http to '%1': only loopback hosts may use http, "
                    "everything else needs https"_s.arg(url.host()));
    }
    return {};
}

} // namespace Concord::Connectors
