// concord-cli queue: the retry queue from a terminal (product.md §7) — what
// waits and why, and the four admin actions (retry now, manual override, link
// to an existing record, dismiss), each permission-checked and audited by
// Services::AdminCommands exactly as in the desktop app.
#include "clicontext.h"
#include "commands.h"

#include "domain/operations.h"
#include "domain/system.h"
#include "security/permissions.h"
#include "services/admincommands.h"
#include "store/outboxrepository.h"

#include <QCommandLineOption>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Concord::Domain;

namespace Concord::Cli {

namespace {

const char *const kDescription =
    "The retry queue: jobs Concord could not deliver, and what a person can do about them.\n"
    "\n"
    "  queue list [--state S] [--system SYS] [--limit N] [--json]\n"
    "      what waits, with its cause, attempts, next try, request id and age.\n"
    "      S: failed, pending, in_flight, succeeded, dismissed or all\n"
    "      (default: failed and pending). SYS: quickbooks, hubspot or calcom.\n"
    "  queue retry ID... | --all-failed [--system SYS]\n"
    "      make the jobs due now; each job is retried on its own, and the ones\n"
    "      that could not be are listed with the reason.\n"
    "  queue override ID --payload FILE\n"
    "      replace the job's payload with the JSON object in FILE ('-' = standard\n"
    "      input) and make it due now; 'queue list --json' shows the current one.\n"
    "  queue link ID --remote-id X\n"
    "      the record already exists remotely as X: link it and mark the job done.\n"
    "  queue dismiss ID --reason TEXT\n"
    "      take the job out of the queue for good (the reason is audited).\n"
    "\n"
    "Who acts: the operating-system account running concord-cli ($USER), which\n"
    "must be an active Concord user allowed to manage the retry queue (owner or\n"
    "office manager). On a store with no users yet, that account becomes the\n"
    "owner, as when the desktop app first opens it. Every action is audited.\n"
    "\n"
    "Exit codes: 0 ok, 1 some jobs could not be handled (listed), 2 bad usage or input.";

// Who is acting: the OS account's Concord user (see kDescription).
Result<Security::Actor> actingUser(Store::Database &db)
{
    return Services::AdminCommands(db).actingOsUser();
}

// "45 s", "12 min", "5 h", "3 d".
QString age(qint64 secs)
{
    secs = std::max<qint64>(0, secs);
    if (secs < 60)
        return u"%1 s"_s.arg(secs);
    if (secs < 3600)
        return u"%1 min"_s.arg(secs / 60);
    if (secs < 48 * 3600)
        return u"%1 h"_s.arg(secs / 3600);
    return u"%1 d"_s.arg(secs / 86400);
}

QString iso(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QString();
}

// When the job is tried next, in words.
QString nextTry(const OutboxJob &job, const QDateTime &now)
{
    switch (job.state) {
    case JobState::Failed:
        return u"waits for a person"_s;
    case JobState::Pending:
        if (!job.nextAttemptAt.isValid() || job.nextAttemptAt <= now)
            return u"due now"_s;
        return u"in %1 (%2)"_s.arg(age(now.secsTo(job.nextAttemptAt)), iso(job.nextAttemptAt));
    case JobState::InFlight:
        return u"being delivered now"_s;
    case JobState::Succeeded:
        return u"done"_s;
    case JobState::Dismissed:
        return u"dismissed"_s;
    }
    return {};
}

// The cause as the sync engine wrote it for a person (DeliveryDecision::cause).
QString cause(const OutboxJob &job)
{
    if (!job.lastErrorMessage.isEmpty())
        return job.lastErrorMessage;
    if (!job.lastErrorCode.isEmpty())
        return u"failed (%1)"_s.arg(job.lastErrorCode);
    return job.attempts == 0 ? u"not tried yet"_s : QString();
}

QJsonObject jobJson(const OutboxJob &job, const QDateTime &now)
{
    return { { u"id"_s, job.id },
             { u"system"_s, toString(job.targetSystem) },
             { u"operation"_s, job.operation },
             { u"entityType"_s, job.entityType },
             { u"entityId"_s, job.entityId },
             { u"state"_s, toString(job.state) },
             { u"attempts"_s, job.attempts },
             { u"cause"_s, cause(job) },
             { u"errorCode"_s, job.lastErrorCode },
             { u"httpStatus"_s, job.lastHttpStatus },
             { u"requestId"_s, job.lastRequestId },
             { u"nextAttemptAt"_s,
               job.state == JobState::Pending ? QJsonValue(iso(job.nextAttemptAt)) : QJsonValue() },
             { u"nextTry"_s, nextTry(job, now) },
             { u"createdAt"_s, iso(job.createdAt) },
             { u"ageSeconds"_s, job.createdAt.isValid() ? job.createdAt.secsTo(now) : 0 },
             { u"payload"_s, QJsonDocument::fromJson(job.payloadJson).object() } };
}

void printJob(const OutboxJob &job, const QDateTime &now)
{
    out(u"#%1  %2  %3  %4  %5/%6\n"_s.arg(job.id).arg(toString(job.state),
                                                      displayName(job.targetSystem), job.operation,
                                                      job.entityType, job.entityId));
    const QString why = cause(job);
    if (!why.isEmpty())
        out(u"    cause:    %1\n"_s.arg(why));
    QString line = u"    attempts: %1   next try: %2   age: %3"_s.arg(job.attempts)
                       .arg(nextTry(job, now), age(job.createdAt.secsTo(now)));
    if (!job.lastRequestId.isEmpty())
        line += u"   request id: %1"_s.arg(job.lastRequestId);
    out(line + u'\n');
}

int list(Store::Database &db, const QCommandLineParser &parser)
{
    Store::OutboxFilter filter;
    QList<std::optional<JobState>> states;
    const QString state = parser.value(u"state"_s);
    if (state.isEmpty()) {
        states = { JobState::Failed, JobState::Pending };
    } else if (state == u"all"_s) {
        states = { std::nullopt };
    } else {
        auto parsed = parseJobState(state);
        if (!parsed)
            return usageError(
                u"unknown state '%1' (failed, pending, in_flight, succeeded, dismissed or all)"_s
                    .arg(state));
        states = { *parsed };
    }
    if (parser.isSet(u"system"_s)) {
        auto system = parseSystem(parser.value(u"system"_s));
        if (!system)
            return usageError(u"unknown system '%1' (quickbooks, hubspot or calcom)"_s.arg(
                parser.value(u"system"_s)));
        filter.system = *system;
    }
    if (parser.isSet(u"limit"_s)) {
        bool ok = false;
        filter.limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || filter.limit <= 0)
            return usageError(
                u"--limit needs a positive number (got '%1')"_s.arg(parser.value(u"limit"_s)));
    }
    Store::OutboxRepository outbox(db);
    QList<OutboxJob> jobs;
    for (const std::optional<JobState> &s : std::as_const(states)) {
        filter.state = s;
        auto some = outbox.list(filter);
        if (!some)
            return reportError(some.error());
        jobs += *some;
    }
    // Oldest first across the states, as the repository orders each list.
    std::sort(jobs.begin(), jobs.end(), [](const OutboxJob &a, const OutboxJob &b) {
        return a.createdAt != b.createdAt ? a.createdAt < b.createdAt : a.id < b.id;
    });
    if (jobs.size() > filter.limit)
        jobs.resize(filter.limit);

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(u"json"_s)) {
        QJsonArray array;
        for (const OutboxJob &job : std::as_const(jobs))
            array.append(jobJson(job, now));
        out(QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"jobs"_s, array } }).toJson(QJsonDocument::Indented)));
        return ExitOk;
    }
    const QString which = state.isEmpty() ? u"failed or pending"_s
        : state == u"all"_s               ? u"all states"_s
                                          : state;
    if (jobs.isEmpty()) {
        out(u"No jobs (%1).\n"_s.arg(which));
        return ExitOk;
    }
    out(u"%1 job%2 (%3):\n"_s.arg(jobs.size()).arg(jobs.size() == 1 ? QString() : u"s"_s, which));
    for (const OutboxJob &job : std::as_const(jobs))
        printJob(job, now);
    return ExitOk;
}

// The job ids on the command line after the verb; nullopt (after a usage
// message) when one is not a job id.
std::optional<QList<qint64>> jobIds(const QStringList &words)
{
    QList<qint64> ids;
    for (const QString &word : words) {
        bool ok = false;
        const qint64 id =
            word.startsWith(u'#') ? word.mid(1).toLongLong(&ok) : word.toLongLong(&ok);
        if (!ok || id <= 0) {
            usageError(
                u"'%1' is not a job id (a positive number, as 'queue list' shows)"_s.arg(word));
            return std::nullopt;
        }
        ids.append(id);
    }
    return ids;
}

int retry(Store::Database &db, const QCommandLineParser &parser, const QStringList &words)
{
    const bool allFailed = parser.isSet(u"all-failed"_s);
    if (allFailed == !words.isEmpty())
        return usageError(u"usage: concord-cli queue retry ID... | --all-failed [--system SYS]"_s);
    if (parser.isSet(u"system"_s) && !allFailed)
        return usageError(u"--system goes with --all-failed"_s);
    QList<qint64> ids;
    if (allFailed) {
        Store::OutboxFilter filter;
        filter.state = JobState::Failed;
        filter.limit = 100000; // "all": bounded only so a runaway queue cannot exhaust memory
        if (parser.isSet(u"system"_s)) {
            auto system = parseSystem(parser.value(u"system"_s));
            if (!system)
                return usageError(u"unknown system '%1' (quickbooks, hubspot or calcom)"_s.arg(
                    parser.value(u"system"_s)));
            filter.system = *system;
        }
        auto failed = Store::OutboxRepository(db).list(filter);
        if (!failed)
            return reportError(failed.error());
        for (const OutboxJob &job : std::as_const(*failed))
            ids.append(job.id);
    } else {
        auto given = jobIds(words);
        if (!given)
            return ExitUsage;
        ids = *given;
    }
    if (ids.isEmpty()) {
        out(u"No failed jobs to retry.\n"_s);
        return ExitOk;
    }
    auto actor = actingUser(db);
    if (!actor)
        return reportError(actor.error());
    auto outcomes = Services::AdminCommands(db).retryJobs(*actor, ids);
    if (!outcomes)
        return reportError(outcomes.error());
    int retried = 0;
    for (const Services::JobOutcome &o : std::as_const(*outcomes)) {
        if (o.error) {
            err(u"concord-cli: could not retry job #%1: %2\n"_s.arg(o.jobId).arg(o.error->message));
        } else {
            out(u"job #%1: due now\n"_s.arg(o.jobId));
            ++retried;
        }
    }
    const qsizetype failed = outcomes->size() - retried;
    out(u"%1 retried, %2 could not be retried.\n"_s.arg(retried).arg(failed));
    return failed == 0 ? ExitOk : ExitFailures;
}

// One job id, exactly.
std::optional<qint64> oneJob(const QStringList &words, const QString &usage)
{
    if (words.size() != 1) {
        usageError(usage);
        return std::nullopt;
    }
    auto ids = jobIds(words);
    if (!ids)
        return std::nullopt;
    return ids->first();
}

int overridePayload(Store::Database &db, const QCommandLineParser &parser, const QStringList &words)
{
    const QString usage = u"usage: concord-cli queue override ID --payload FILE"_s;
    auto id = oneJob(words, usage);
    if (!id)
        return ExitUsage;
    if (!parser.isSet(u"payload"_s))
        return usageError(usage);
    const QString path = parser.value(u"payload"_s);
    QFile file(path);
    const bool opened =
        path == u"-"_s ? file.open(stdin, QIODevice::ReadOnly) : file.open(QIODevice::ReadOnly);
    if (!opened)
        return usageError(u"cannot read the payload file '%1': %2"_s.arg(path, file.errorString()));
    const QByteArray payload = file.readAll();
    auto actor = actingUser(db);
    if (!actor)
        return reportError(actor.error());
    if (auto ok = Services::AdminCommands(db).overrideJobPayload(*actor, *id, payload); !ok)
        return reportError(ok.error());
    out(u"job #%1: payload replaced; due now\n"_s.arg(*id));
    return ExitOk;
}

int link(Store::Database &db, const QCommandLineParser &parser, const QStringList &words)
{
    const QString usage = u"usage: concord-cli queue link ID --remote-id X"_s;
    auto id = oneJob(words, usage);
    if (!id)
        return ExitUsage;
    if (parser.value(u"remote-id"_s).trimmed().isEmpty())
        return usageError(usage);
    auto actor = actingUser(db);
    if (!actor)
        return reportError(actor.error());
    if (auto ok = Services::AdminCommands(db).linkJobToExisting(*actor, *id,
                                                                parser.value(u"remote-id"_s));
        !ok)
        return reportError(ok.error());
    // The job's last message says what was linked (OutboxRepository::resolveByLink).
    auto job = Store::OutboxRepository(db).get(*id);
    out(u"job #%1: done, %2\n"_s.arg(*id).arg(job ? job->lastErrorMessage : u"linked"_s));
    return ExitOk;
}

int dismiss(Store::Database &db, const QCommandLineParser &parser, const QStringList &words)
{
    const QString usage = u"usage: concord-cli queue dismiss ID --reason TEXT"_s;
    auto id = oneJob(words, usage);
    if (!id)
        return ExitUsage;
    if (parser.value(u"reason"_s).trimmed().isEmpty())
        return usageError(u"dismissing a job needs --reason TEXT (it is kept in the audit log)"_s);
    auto actor = actingUser(db);
    if (!actor)
        return reportError(actor.error());
    if (auto ok = Services::AdminCommands(db).dismissJob(*actor, *id, parser.value(u"reason"_s));
        !ok)
        return reportError(ok.error());
    out(u"job #%1: dismissed\n"_s.arg(*id));
    return ExitOk;
}

} // namespace

int runQueue(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(u"verb"_s, u"list, retry, override, link or dismiss."_s);
    parser.addPositionalArgument(u"ID"_s, u"Job ids, as 'queue list' shows them."_s, u"[ID...]"_s);
    parser.addOption(QCommandLineOption(
        u"state"_s, u"list: failed, pending, in_flight, succeeded, dismissed or all."_s,
        u"state"_s));
    parser.addOption(QCommandLineOption(
        u"system"_s, u"list, retry --all-failed: quickbooks, hubspot or calcom."_s, u"system"_s));
    parser.addOption(
        QCommandLineOption(u"limit"_s, u"list: at most this many jobs (default 500)."_s, u"n"_s));
    parser.addOption(QCommandLineOption(u"json"_s, u"list: print JSON."_s));
    parser.addOption(QCommandLineOption(u"all-failed"_s, u"retry: every failed job."_s));
    parser.addOption(QCommandLineOption(
        u"payload"_s, u"override: the new payload, a JSON object ('-' = stdin)."_s, u"file"_s));
    parser.addOption(
        QCommandLineOption(u"remote-id"_s, u"link: the existing remote record's id."_s, u"id"_s));
    parser.addOption(
        QCommandLineOption(u"reason"_s, u"dismiss: why (required; audited)."_s, u"text"_s));
    if (int rc = parseSubcommand(parser, args, QString::fromUtf8(kDescription)); rc >= 0)
        return rc;

    QStringList words = parser.positionalArguments();
    if (words.isEmpty())
        return usageError(
            u"usage: concord-cli queue list|retry|override|link|dismiss … (see 'concord-cli queue --help')"_s);
    const QString verb = words.takeFirst();
    // Each option belongs to some verbs; elsewhere it is a mistake, not a no-op.
    const QHash<QString, QStringList> optionVerbs = {
        { u"state"_s, { u"list"_s } },       { u"limit"_s, { u"list"_s } },
        { u"json"_s, { u"list"_s } },        { u"system"_s, { u"list"_s, u"retry"_s } },
        { u"all-failed"_s, { u"retry"_s } }, { u"payload"_s, { u"override"_s } },
        { u"remote-id"_s, { u"link"_s } },   { u"reason"_s, { u"dismiss"_s } },
    };
    if (!QStringList { u"list"_s, u"retry"_s, u"override"_s, u"link"_s, u"dismiss"_s }.contains(
            verb))
        return usageError(
            u"unknown queue action '%1' (list, retry, override, link or dismiss)"_s.arg(verb));
    for (auto it = optionVerbs.constBegin(); it != optionVerbs.constEnd(); ++it) {
        if (parser.isSet(it.key()) && !it.value().contains(verb))
            return usageError(u"--%1 does not go with 'queue %2'"_s.arg(it.key(), verb));
    }
    if (verb == u"list"_s && !words.isEmpty())
        return usageError(u"queue list takes no job ids (got '%1')"_s.arg(words.join(u' ')));

    auto db = openStore(parser);
    if (!db)
        return reportError(db.error());
    if (verb == u"list"_s)
        return list(**db, parser);
    if (verb == u"retry"_s)
        return retry(**db, parser, words);
    if (verb == u"override"_s)
        return overridePayload(**db, parser, words);
    if (verb == u"link"_s)
        return link(**db, parser, words);
    return dismiss(**db, parser, words);
}

} // namespace Concord::Cli
