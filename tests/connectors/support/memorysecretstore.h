#pragma once

// An in-memory SecretStore for connector tests. Header-only. Answers from the
// event loop, like the keychain (set `immediate` for the environment's
// already-finished futures). `failWrites` makes every write fail with
// ErrorCode::Secrets, as a locked keychain would; `onWrite` observes writes.

#include "security/secretstore.h"

#include <QMap>
#include <QTimer>

#include <functional>
#include <memory>

namespace Concord::Test {

class MemorySecretStore final : public Security::SecretStore
{
public:
    QMap<QString, QString> values;
    bool immediate = false;
    bool failWrites = false;
    int writes = 0;
    std::function<void(const QString &name, const QString &value)> onWrite;

    [[nodiscard]] QString backendName() const override { return QStringLiteral("memory"); }

    [[nodiscard]] QFuture<Result<QString>> read(const QString &name) override
    {
        Result<QString> result = values.contains(name)
            ? Result<QString>(values.value(name))
            : Result<QString>(fail(ErrorCode::NotFound, QStringLiteral("not set")));
        return answer(std::move(result));
    }

    [[nodiscard]] QFuture<Status> write(const QString &name, const QString &value) override
    {
        ++writes;
        if (onWrite)
            onWrite(name, value);
        if (value.isEmpty())
            return answer(Status(fail(ErrorCode::InvalidArgument, QStringLiteral("empty value"))));
        if (failWrites)
            return answer(Status(fail(ErrorCode::Secrets, QStringLiteral("the keychain is locked"))));
        values.insert(name, value);
        return answer(Status());
    }

    [[nodiscard]] QFuture<Status> remove(const QString &name) override
    {
        values.remove(name);
        return answer(Status());
    }

private:
    template<typename T> QFuture<T> answer(T value)
    {
        if (immediate)
            return finishedFuture(std::move(value));
        auto promise = std::make_shared<QPromise<T>>();
        promise->start();
        QTimer::singleShot(0, [promise, value = std::move(value)]() mutable {
            promise->addResult(std::move(value));
            promise->finish();
        });
        return promise->future();
    }
};

} // namespace Concord::Test
