#pragma once

#include "security/auditentry.h"
#include "theme.h"

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace Concord::Ui {

// The outcome of "Verify chain" as a coloured banner above the audit table:
// blue while running, green when every link checks out, red with the first
// broken entry and the reason when one does not, amber when verification
// itself could not run.
class VerificationBanner : public QFrame {
    Q_OBJECT
public:
    enum class State { Hidden, Running, Intact, Broken, Failed };
    Q_ENUM(State)

    explicit VerificationBanner(QWidget *parent = nullptr);

    void setRunning();
    void setResult(const Security::AuditVerification &result);
    void setFailed(const QString &message);
    void dismiss();

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] Theme::Tone tone() const { return m_tone; }
    [[nodiscard]] QString text() const;
    // The first broken entry while state() is Broken, else 0.
    [[nodiscard]] qint64 brokenSeq() const { return m_brokenSeq; }

Q_SIGNALS:
    // The user asked to see the first broken entry in the table.
    void showEntryRequested(qint64 seq);

private:
    void present(State state, Theme::Tone tone, const QString &text);

    State m_state = State::Hidden;
    Theme::Tone m_tone = Theme::Tone::Neutral;
    qint64 m_brokenSeq = 0;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_showEntry = nullptr;
    QToolButton *m_close = nullptr;
};

} // namespace Concord::Ui
