#include "testsupport.h"

#include <QFile>
#include <QTest>

namespace Concord::Test {

QString fixturePath(const QString &relative)
{
    return QStringLiteral(CONCORD_SHARED_DIR "/fixtures/") + relative;
}

QByteArray readFixture(const QString &relative)
{
    QFile f(fixturePath(relative));
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("fixture missing: %s", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

} // namespace Concord::Test
