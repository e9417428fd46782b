#pragma once

#include <QString>
#include <QTemporaryDir>

namespace Concord::Test {

// Path of a file under ../shared/fixtures (fails the test if missing).
QString fixturePath(const QString &relative);
// Reads a fixture file whole.
QByteArray readFixture(const QString &relative);

} // namespace Concord::Test
