#pragma once

#include "common/error.h"
#include "security/auditentry.h"
#include "services/storestatus.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace Concord::Services {

// The GUI's door to core. Lives on the sync thread (moveToThread after
// construction); every slot is invoked through a queued connection and
// answers with exactly one signal, carrying value types only. It owns its own
// named database connection, created on its thread in open().
class Backend : public QObject
{
    Q_OBJECT
public:
    explicit Backend(QObject *parent = nullptr);
    ~Backend() override;

public Q_SLOTS:
    // Opens (and migrates) the store at `storeUrl` ("sqlite:///path").
    // Answers with opened() or errorOccurred().
    void open(const QString &storeUrl);
    // Answers with statusChanged().
    void refreshStatus();
    // Newest first, at most `limit` entries. Answers with auditLoaded().
    void loadAudit(int limit);
    // Walks the whole chain. Answers with auditVerified().
    void verifyAudit();
    // Closes the database connection; call before the thread quits.
    void close();

Q_SIGNALS:
    void opened(const Concord::Services::StoreStatus &status);
    void statusChanged(const Concord::Services::StoreStatus &status);
    void auditLoaded(const QList<Concord::Security::AuditEntry> &entries);
    void auditVerified(const Concord::Security::AuditVerification &result);
    void errorOccurred(const Concord::Error &error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Concord::Services
