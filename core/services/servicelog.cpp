#include "services/servicelog.h"

#include "security/secretnames.h"

#include <QByteArray>
#include <QDateTime>
#include <QtGlobal>

#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace Concord::Logging {

namespace {

LogFormat g_format = LogFormat::Text;
QStringList g_redactions;

// sd-daemon(3) priorities.
int priorityOf(int type)
{
    switch (QtMsgType(type)) {
    case QtFatalMsg:
        return 2; // SD_CRIT
    case QtCriticalMsg:
        return 3; // SD_ERR
    case QtWarningMsg:
        return 4; // SD_WARNING
    case QtInfoMsg:
        return 6; // SD_INFO
    case QtDebugMsg:
        return 7; // SD_DEBUG
    }
    return 6;
}

QString levelOf(int type)
{
    switch (QtMsgType(type)) {
    case QtFatalMsg:
        return u"fatal"_s;
    case QtCriticalMsg:
        return u"critical"_s;
    case QtWarningMsg:
        return u"warning"_s;
    case QtInfoMsg:
        return u"info"_s;
    case QtDebugMsg:
        return u"debug"_s;
    }
    return u"info"_s;
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray line = (formatLine(g_format, type, context.category, message, g_redactions) + u'\n').toUtf8();
    // One write per message: stdio locks the stream per call.
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

std::optional<LogFormat> parseLogFormat(QStringView text)
{
    if (text.compare(u"auto", Qt::CaseInsensitive) == 0)
        return LogFormat::Auto;
    if (text.compare(u"journal", Qt::CaseInsensitive) == 0)
        return LogFormat::Journal;
    if (text.compare(u"text", Qt::CaseInsensitive) == 0)
        return LogFormat::Text;
    return std::nullopt;
}

bool stderrIsJournal()
{
    const QByteArray stream = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = stream.indexOf(':');
    if (colon <= 0)
        return false;
    bool devOk = false;
    bool inoOk = false;
    const qulonglong device = stream.left(colon).toULongLong(&devOk);
    const qulonglong inode = stream.mid(colon + 1).toULongLong(&inoOk);
    struct stat st {};
    if (!devOk || !inoOk || ::fstat(2, &st) != 0)
        return false;
    return qulonglong(st.st_dev) == device && qulonglong(st.st_ino) == inode;
}

LogFormat resolve(LogFormat format)
{
    if (format != LogFormat::Auto)
        return format;
    return stderrIsJournal() ? LogFormat::Journal : LogFormat::Text;
}

QString formatLine(LogFormat format, int qtMsgType, const char *category, const QString &message,
                   const QStringList &redactions)
{
    QString text = message;
    for (const QString &secret : redactions)
        text.replace(secret, u"[redacted]"_s);
    const QString cat = QString::fromUtf8(category && *category ? category : "default");
    QString prefix;
    if (resolve(format) == LogFormat::Journal)
        prefix = u"<%1>%2: "_s.arg(priorityOf(qtMsgType)).arg(cat);
    else
        prefix = u"%1 %2 %3: "_s.arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), levelOf(qtMsgType),
                                     cat);
    QStringList lines = text.split(u'\n');
    while (lines.size() > 1 && lines.constLast().isEmpty())
        lines.removeLast();
    for (QString &l : lines)
        l.prepend(prefix);
    return lines.join(u'\n');
}

void installServiceLogHandler(LogFormat format)
{
    g_format = resolve(format);
    // Short values could be ordinary words; every real secret is longer.
    g_redactions.clear();
    for (const QString &name : Security::knownSecretNames()) {
        const QString value = qEnvironmentVariable(Security::secretEnvironmentVariable(name).toLocal8Bit().constData());
        if (value.size() >= 8)
            g_redactions << value;
    }
    qInstallMessageHandler(handler);
}

} // namespace Concord::Logging
