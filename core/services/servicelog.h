#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// Log lines for a service (concord-syncd; `concord-cli sync --watch`): one
// line per message on stderr, in the form the place it goes to wants.
//
// - Journal: systemd connects a service's stderr to the journal and sets
//   $JOURNAL_STREAM to that stream's "device:inode". Each line then starts
//   with a syslog priority in angle brackets (sd-daemon(3)'s SD_ERR …
//   SD_DEBUG), which journald strips and records as the entry's PRIORITY:
//     <3>concord.core.sync: the outbox could not be read: …
//   No timestamp: the journal stamps every entry itself.
// - Text (a terminal, a file): an ISO 8601 UTC timestamp and the level:
//     2026-03-10T14:05:09.120Z warning concord.core.sync: …
//
// Levels: fatal <2>, critical <3>, warning <4>, info <6>, debug <7>.
// A message of several lines gets the prefix on every line, so no
// continuation line reaches the journal without its priority.
//
// Secrets: Concord never formats a secret into a message (style and
// SecretStore rules); as a second guard, the values of the CONCORD_* secret
// variables present when the handler is installed are replaced by
// "[redacted]" wherever they would appear.
//
// Thread safety: the handler may be called from any thread; each line is
// written with one call, so lines of different threads never interleave.
namespace Concord::Logging {

enum class LogFormat {
    Auto,    // Journal when stderr is the journal, else Text
    Journal,
    Text,
};

// "auto", "journal" or "text" (any case); nullopt otherwise.
[[nodiscard]] std::optional<LogFormat> parseLogFormat(QStringView text);

// Whether stderr is the stream $JOURNAL_STREAM names (same device and inode):
// a child whose stderr was redirected elsewhere inherits the variable but is
// not the journal.
[[nodiscard]] bool stderrIsJournal();

// Auto resolved for this process.
[[nodiscard]] LogFormat resolve(LogFormat format);

// One message as a line (or lines) in `format` (Journal or Text; Auto is
// resolved), without the final newline. Pure: for tests.
[[nodiscard]] QString formatLine(LogFormat format, int qtMsgType, const char *category, const QString &message,
                                 const QStringList &redactions = {});

// Installs the process-wide Qt message handler (qInstallMessageHandler).
// Call once, before any thread logs.
void installServiceLogHandler(LogFormat format);

} // namespace Concord::Logging
