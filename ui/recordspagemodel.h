#pragma once

#include "services/recordsdata.h"
#include "theme.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QStringList>

#include <vector>

namespace Concord::Ui {

// The table under the Appointments and Invoices pages: a flat, immutable
// snapshot of records (pushed from core), shown through a view order the
// model itself keeps — filtered and sorted here rather than by a
// QSortFilterProxyModel, because the pages hold up to 100,000 rows and must
// open, sort and filter them in well under 300 ms:
// - sort keys are computed once per column, on the first sort by it: a
//   number, or for text its rank among the case-folded texts (compared
//   without locale); every sort then orders indices by numbers;
// - the free-text filter matches every typed word against one pre-folded
//   text per record, built on the first search;
// - a snapshot or a filter change resets the model (the page keeps the
//   current record by id); a sort is a layout change (persistent indexes,
//   selection and current row follow).
//
// Subclasses own the snapshot and answer per record (an index into it); the
// base maps view rows to records. Roles are shared so the page's code works
// for both tables.
class RecordsPageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum DataRole {
        IdRole = Qt::UserRole + 1, // qint64: the record's Concord id (every column)
        DisagreementRole, // QStringList: the reasons, in plain words (every column; empty: agrees)
        ToneRole, // int(Theme::Tone): Bad (a person must act), Warning, Neutral (agrees)
        SortRole, // the column's raw sort key (qint64 or text)
    };

    explicit RecordsPageModel(QObject *parent = nullptr);

    // Every word of `text` (case-insensitive) must appear in the record's texts.
    void setFilterText(const QString &text);
    [[nodiscard]] QString filterText() const { return m_filterText; }
    // Only records with at least one disagreement.
    void setDisagreementsOnly(bool only);
    [[nodiscard]] bool disagreementsOnly() const { return m_disagreementsOnly; }
    [[nodiscard]] bool isFiltering() const { return m_disagreementsOnly || !m_words.isEmpty(); }

    // Records in the snapshot (rowCount() is what the filters leave).
    [[nodiscard]] int recordCount() const { return recordsInSnapshot(); }
    // Records in the snapshot with at least one disagreement.
    [[nodiscard]] int disagreeingCount() const { return m_disagreeing; }
    // View row of the record with `id`, or -1 (filtered out, or not there).
    [[nodiscard]] int rowForId(qint64 id) const;
    [[nodiscard]] qint64 idAt(int row) const;
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index,
                                int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    // column < 0: back to the snapshot's own order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // A small marker for disagreeing rows, in the tone's colour (drawn, so it
    // needs no icon file): "!" in a disc.
    [[nodiscard]] static QIcon marker(Theme::Tone tone);
    // "Canceled", "No-show", …; "Open", "Partly paid", …; "sent", "waiting", …
    [[nodiscard]] static QString statusText(Domain::AppointmentStatus status);
    [[nodiscard]] static QString statusText(Domain::MoneyStatus status);
    // "" for carried or nothing sent; "update waits", "update failed" otherwise.
    [[nodiscard]] static QString deliveryText(const Services::Delivery &delivery);
    // "Closed lost · change waits": a cell's text with its delivery, if any.
    [[nodiscard]] static QString withDelivery(const QString &text,
                                              const Services::Delivery &delivery);
    // A sentence on the delivery for the details pane.
    [[nodiscard]] static QString deliverySentence(const Services::Delivery &delivery);
    // Bad when a reason needs a person, Warning for the others, Neutral without.
    [[nodiscard]] static Theme::Tone toneOf(const QList<Services::Disagreement> &disagreements);
    [[nodiscard]] static QStringList reasonsOf(const QList<Services::Disagreement> &disagreements);
    // Money in the current locale with its currency; "—" when not known.
    [[nodiscard]] static QString moneyText(const Domain::Money &money);
    // "2026-03-20": unambiguous across locales, as the other pages write dates.
    [[nodiscard]] static QString dateText(const QDate &date);

protected:
    // --- what a subclass answers, per record of its snapshot -------------
    [[nodiscard]] virtual int recordsInSnapshot() const = 0;
    [[nodiscard]] virtual qint64 recordId(int record) const = 0;
    [[nodiscard]] virtual const QList<Services::Disagreement> &
    recordDisagreements(int record) const = 0;
    // DisplayRole, ToolTipRole, DecorationRole… for one cell; the base adds
    // the row's highlight, the marker in column 0 and the shared roles.
    [[nodiscard]] virtual QVariant recordData(int record, int column, int role) const = 0;
    [[nodiscard]] virtual bool isNumericColumn(int column) const = 0;
    [[nodiscard]] virtual qint64 numberKey(int record, int column) const = 0;
    [[nodiscard]] virtual QString textKey(int record, int column) const = 0;
    // Appends everything the free-text filter matches, each text through
    // appendFolded(): built for every record on the first search.
    virtual void appendSearchText(int record, QString &out) const = 0;
    // The system a column belongs to (its header's first line), or nullopt.
    [[nodiscard]] virtual std::optional<Domain::System> columnSystem(int column) const = 0;
    [[nodiscard]] virtual QString columnTitle(int column) const = 0;
    // The first header line of a column no system owns: "Appointment", "Invoice", "All systems".
    [[nodiscard]] virtual QString groupHeading(int column) const = 0;

    // Appends `text` case-folded, then a space (the filter's haystack).
    static void appendFolded(QString &out, QStringView text);
    // The words above, translated once per snapshot: the search text of
    // 100,000 records is built from them without a translator lookup each.
    [[nodiscard]] const QString &cachedText(Domain::AppointmentStatus status) const;
    [[nodiscard]] const QString &cachedText(Domain::MoneyStatus status) const;
    [[nodiscard]] const QString &cachedStageLabel(const QString &stageId) const;

    // The subclass replaced its snapshot: the view order, keys and counts
    // are rebuilt (one model reset). Call between beginResetModel() and
    // endResetModel() — resetSnapshot() does both around `replace`.
    template<typename Replace> void resetSnapshot(Replace replace)
    {
        beginResetModel();
        replace();
        snapshotChanged();
        endResetModel();
    }

    // Row index by record id, for record(id) lookups in a snapshot's rows.
    template<typename Row> static QHash<qint64, int> indexById(const QList<Row> &rows)
    {
        QHash<qint64, int> byId;
        byId.reserve(rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            byId.insert(rows.at(i).id, int(i));
        return byId;
    }
    template<typename Row> static const Row *findById(const QList<Row> &rows, const QHash<qint64, int> &byId, qint64 id)
    {
        const auto it = byId.constFind(id);
        return it == byId.constEnd() ? nullptr : &rows.at(*it);
    }

private:
    void snapshotChanged();
    void rebuildView();
    void ensureSortKeys(int column) const;
    void ensureSearchTexts() const;
    [[nodiscard]] bool accepts(int record) const;
    void applySort();

    QString m_filterText;
    QStringList m_words; // case-folded
    bool m_disagreementsOnly = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_disagreeing = 0;
    std::vector<int> m_view; // view row → record
    mutable std::vector<QString> m_search;
    mutable QHash<int, QString> m_appointmentWords;
    mutable QHash<int, QString> m_moneyWords;
    mutable QHash<QString, QString> m_stageWords;
    // Per column: a number per record (text columns: its rank among the texts).
    mutable QHash<int, std::vector<qint64>> m_sortKeys;
};

} // namespace Concord::Ui
