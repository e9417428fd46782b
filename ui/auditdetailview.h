#pragma once

#include "security/auditentry.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;

namespace Concord::Ui {

// The selected audit entry in full: who, when, what, and the record's state
// before and after, pretty-printed side by side so a change is read at a glance.
class AuditDetailView : public QWidget {
    Q_OBJECT
public:
    explicit AuditDetailView(QWidget *parent = nullptr);

    void setEntry(const Security::AuditEntry &entry);
    void clear();

    [[nodiscard]] bool hasEntry() const { return m_seq != 0; }
    [[nodiscard]] qint64 seq() const { return m_seq; }
    [[nodiscard]] QString headline() const;
    [[nodiscard]] QString beforeText() const;
    [[nodiscard]] QString afterText() const;

    // Indented JSON with sorted keys (QJsonObject keeps keys sorted); text that
    // is not JSON is returned as it is, so nothing recorded is ever hidden.
    [[nodiscard]] static QString prettyJson(const QByteArray &json);

private:
    QPlainTextEdit *createJsonPane();

    qint64 m_seq = 0;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_meta = nullptr;
    QPlainTextEdit *m_before = nullptr;
    QPlainTextEdit *m_after = nullptr;
};

} // namespace Concord::Ui
