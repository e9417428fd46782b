#include "sandboxthread.h"

#include "security/secretstore.h"
#include "tutoringsandbox.h"

#include <QDate>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace Concord::Sandbox {

namespace {

Q_LOGGING_CATEGORY(lcSandboxThread, "concord.sandbox.thread", QtInfoMsg)

} // namespace

SandboxThread::SandboxThread(QString storeUrl, QObject *parent)
    : QObject(parent)
    , m_storeUrl(std::move(storeUrl))
{
    m_thread.setObjectName(QStringLiteral("sandbox"));
}

SandboxThread::~SandboxThread()
{
    stop();
}

void SandboxThread::start()
{
    if (m_sandbox)
        return;
    // Created here without emulators, moved, then started on its thread: the
    // emulators (servers, sockets, webhook senders) are born there.
    m_sandbox = new TutoringSandbox;
    m_sandbox->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_sandbox, &QObject::deleteLater);
    m_thread.start();

    // Runs on the sandbox thread. Results come back as values, queued to this
    // object; if it is gone by then, Qt drops the event.
    QMetaObject::invokeMethod(
        m_sandbox,
        [this, sandbox = m_sandbox, storeUrl = m_storeUrl, newFamily = m_newFamily] {
            TutoringSandbox::Options options;
            options.seed = TutoringSandbox::Seed::Tutoring;
            options.newFamily = newFamily;
            options.today = QDate::currentDate();
            if (Status started = sandbox->start(options); !started) {
                qCWarning(lcSandboxThread).noquote()
                    << "the sandbox did not start:" << started.error().toString();
                QMetaObject::invokeMethod(
                    this, [this, error = started.error()] { Q_EMIT failed(error); },
                    Qt::QueuedConnection);
                return;
            }
            Config config = sandbox->config(storeUrl);
            // The demo receives the emulators' webhooks, as a real install
            // would: changes are carried in about a second, not a poll.
            config.webhooksListen = u"127.0.0.1:0"_s;
            std::shared_ptr<Security::SecretStore> secrets = sandbox->secrets();
            QMetaObject::invokeMethod(
                this, [this, config, secrets] { Q_EMIT ready(config, secrets); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SandboxThread::setWebhookTarget(const QUrl &receiverBase)
{
    if (!m_sandbox)
        return;
    QMetaObject::invokeMethod(
        m_sandbox,
        [sandbox = m_sandbox, receiverBase] {
            if (sandbox->isStarted())
                sandbox->setWebhookTarget(receiverBase);
        },
        Qt::QueuedConnection);
}

void SandboxThread::stop()
{
    if (!m_thread.isRunning())
        return;
    m_thread.quit();
    m_thread.wait();
    m_sandbox = nullptr; // deleted on its thread as it finished
    qCDebug(lcSandboxThread) << "sandbox thread stopped";
}

} // namespace Concord::Sandbox
