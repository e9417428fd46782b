#pragma once

#include "common/clock.h"
#include "domain/operations.h"
#include "domain/system.h"
#include "domain/user.h"
#include "theme.h"

#include <QHash>
#include <QStringList>
#include <QUrl>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace Concord::Ui {

class RecordsPageModel;

// What the Appointments and Invoices pages share: a date range, a free-text
// filter, an "Only disagreements" switch, the table (a RecordsPageModel,
// columns grouped by system), and a details pane with one card per system —
// what Concord knows of the record there, how its changes reached it, and an
// "Open in …" button — followed by the disagreements in words.
//
// Threading: GUI thread only; never touches SQL or the network. The
// subclass pushes snapshots into its model and asks for new ones with its
// own reloadRequested(…) signal; "Open in …" emits openUrlRequested() (the
// composition root opens the browser), and "Show in retry queue" emits
// retryQueueRequested().
//
// Permissions: everything here is for reading, so every role sees it; the
// retry-queue button's tooltip says who may act on the change there
// (Permission::ManageRetryQueue).
class RecordsPageBase : public QWidget {
    Q_OBJECT
public:
    // One system's card in the details pane.
    struct Card {
        QStringList lines; // "Label: value", already in words (plain text)
        QString delivery; // how Concord's changes reached it, a sentence
        QUrl url; // where "Open in …" goes; empty: disabled
        QString noLinkReason; // the disabled button's tooltip
        QString linkWhat; // "deal", "invoice", "booking": the button says "Open deal in HubSpot"
    };
    struct Details {
        QString headline;
        QString meta;
        QHash<Domain::System, Card> cards;
        QStringList reasons;
        Theme::Tone tone = Theme::Tone::Neutral;
        qint64 jobId = 0; // a change that waits or failed, for the retry queue; 0: none
    };

    [[nodiscard]] RecordsPageModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] QDateEdit *fromEdit() const { return m_from; }
    [[nodiscard]] QDateEdit *toEdit() const { return m_to; }
    [[nodiscard]] QPushButton *loadButton() const { return m_load; }
    [[nodiscard]] QLineEdit *searchEdit() const { return m_search; }
    [[nodiscard]] QCheckBox *disagreementsOnlyBox() const { return m_onlyDisagreements; }
    [[nodiscard]] QPushButton *openButton(Domain::System system) const
    {
        return m_cards.value(system).open;
    }
    [[nodiscard]] QPushButton *retryQueueButton() const { return m_retryQueue; }

    [[nodiscard]] bool hasLoaded() const { return m_loaded; }
    [[nodiscard]] bool isShowingPlaceholder() const;
    [[nodiscard]] QString placeholderText() const;
    [[nodiscard]] QString countText() const;
    // The cap's "showing the first N" note (empty when everything is shown).
    [[nodiscard]] QString capNoteText() const;
    [[nodiscard]] QString failureText() const;
    [[nodiscard]] qint64 currentId() const { return m_currentId; }
    [[nodiscard]] QString detailHeadline() const;
    [[nodiscard]] QStringList detailReasons() const { return m_shown.reasons; }
    // A card's text, lines and delivery sentence, for tests and screen readers.
    [[nodiscard]] QString cardText(Domain::System system) const;
    [[nodiscard]] Domain::Role role() const { return m_role; }

public Q_SLOTS:
    // A read failed: said in a banner above the table (the table keeps the
    // last snapshot).
    void showFailure(const QString &message);
    void setRole(Concord::Domain::Role role);
    // Selects the record with `id`, clearing the filters when they hide it.
    bool selectRecord(qint64 id);
    // Asks for the range the date fields show (as the Load button does).
    void reload();

Q_SIGNALS:
    void openUrlRequested(const QUrl &url);
    void retryQueueRequested(qint64 jobId);

protected:
    RecordsPageBase(const Clock &clock, QWidget *parent);

    // Builds the page around `model` (owned by the subclass) with the date
    // fields at [from, to]; call once from the subclass's constructor.
    void build(RecordsPageModel *model, const QString &title, const QString &subtitle,
               const QDate &from, const QDate &to);

    // The subclass pushed a snapshot into the model: counts, cap note,
    // placeholder and details follow. `matching`: records in the range,
    // `limit`: the cap asked for.
    void snapshotArrived(qint64 matching, int limit, bool truncated);
    // Sets the date fields without asking for data (the snapshot's own range).
    void showRange(const QDate &from, const QDate &to);

    [[nodiscard]] const Clock &clock() const { return m_clock; }

    // Column widths from sample texts (so they hold at any font size), a
    // column at least as wide as its header; `hidden` start hidden. The
    // header's context menu shows or hides any column but the first.
    void setUpColumns(const QHash<int, QString> &samples, const QList<int> &hidden);

    // Points `card`'s button at the record `remoteId` of `kind` ("deal",
    // "invoice", "booking") in `system` (Services::recordUrl with the
    // system's connection), or says why it cannot. `what`: "deal", for the
    // button ("Open deal in HubSpot").
    static void setLink(Card &card, Domain::System system, const QString &kind, const QString &what,
                        const QString &remoteId, const QList<Domain::Connection> &connections);
    // Today on the computer's calendar, by the page's clock.
    [[nodiscard]] QDate today() const;

    // --- what the subclass says --------------------------------------------
    virtual void requestRange(const QDate &from, const QDate &to) = 0;
    [[nodiscard]] virtual Details describe(qint64 id) const = 0;
    // "%n appointments" and its relatives, for counts and empty states.
    [[nodiscard]] virtual QString countWords(int n) const = 0;
    [[nodiscard]] virtual QString emptyRangeText(const QDate &from, const QDate &to) const = 0;

    // The column the current index sits in when the page picks a row.
    static constexpr int kAnchorColumn = 0;

private:
    struct CardWidgets {
        QFrame *frame = nullptr;
        QLabel *body = nullptr;
        QLabel *delivery = nullptr;
        QPushButton *open = nullptr;
    };
    QWidget *createFilterBar(const QDate &from, const QDate &to);
    QWidget *createDetailPane();
    void configureTable();
    void setUpTabOrder();
    void applyFilters();
    void updateCount();
    void updatePlaceholder();
    void showCurrent();
    void restoreCurrent();
    void updateRetryQueueButton();

    const Clock &m_clock;
    RecordsPageModel *m_model = nullptr;
    Domain::Role m_role = Domain::Role::Viewer;
    bool m_loaded = false;
    bool m_loading = false;
    qint64 m_currentId = 0;
    qint64 m_matching = 0;
    int m_limit = 0;
    bool m_truncated = false;
    Details m_shown;

    QPushButton *m_refresh = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QPushButton *m_load = nullptr;
    QLineEdit *m_search = nullptr;
    QCheckBox *m_onlyDisagreements = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_capNote = nullptr;
    QFrame *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QStackedWidget *m_content = nullptr;
    QLabel *m_placeholder = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_detailStack = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_meta = nullptr;
    QHash<Domain::System, CardWidgets> m_cards;
    QLabel *m_reasonsTitle = nullptr;
    QLabel *m_reasons = nullptr;
    QPushButton *m_retryQueue = nullptr;
};

} // namespace Concord::Ui
