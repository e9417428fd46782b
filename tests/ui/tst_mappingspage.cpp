// The field and status mapping editor: its two models (over the tester),
// undoable edits through the model and the delegate, live validation with
// explanations, the one batch Apply sends (with versions), what a failure
// keeps, what each role may change, and renders for review.
#include "fieldmappingmodel.h"
#include "mappingrows.h"
#include "mappingspage.h"
#include "mappingtext.h"
#include "statusmappingmodel.h"
#include "sync/defaultmappings.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QScrollBar>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using Concord::Domain::FieldMapping;
using Concord::Domain::Role;
using Concord::Domain::StatusAction;
using Concord::Domain::StatusDomain;
using Concord::Domain::StatusMapping;
using Concord::Domain::System;
using Concord::Services::MappingBatch;
using Concord::Services::MappingRef;
using Concord::Services::MappingsData;
using namespace Concord::Ui;
using namespace Concord::Ui::MappingRoles;
using Tab = MappingsPage::Tab;
namespace Sync = Concord::Sync;
namespace Services = Concord::Services;

Q_DECLARE_METATYPE(Concord::Domain::Role)

namespace {

const QDateTime kEdited = QDateTime(QDate(2026, 3, 28), QTime(10, 15), Qt::UTC);

// The installed defaults as stored (ids from 1, versions 1–3, edited by
// bea) and the catalogue collectMappings() builds around them.
MappingsData sampleData()
{
    MappingsData d;
    qint64 id = 0;
    for (FieldMapping m : Sync::defaultFieldMappings()) {
        m.id = ++id;
        m.version = int(id % 3) + 1;
        m.updatedBy = QStringLiteral("bea");
        m.updatedAt = kEdited;
        d.fields << m;
    }
    id = 100;
    for (StatusMapping m : Sync::defaultStatusMappings()) {
        m.id = ++id;
        m.version = int(id % 2) + 1;
        m.updatedBy = QStringLiteral("mona");
        m.updatedAt = kEdited;
        d.statuses << m;
    }
    for (const QString &name : Sync::knownFields())
        d.knownFields << Services::MappingFieldInfo { name, *Sync::fieldType(name) };
    d.transforms = Sync::knownTransforms();
    for (const FieldMapping &m : std::as_const(d.fields)) {
        d.paths << Services::MappingPath { m.field, m.sourceSystem, m.sourcePath };
        d.paths << Services::MappingPath { m.field, m.targetSystem, m.targetPath };
    }
    d.appointmentStatuses = { QStringLiteral("booked"), QStringLiteral("rescheduled"),
                              QStringLiteral("completed"), QStringLiteral("no_show"),
                              QStringLiteral("canceled") };
    d.moneyStatuses = { QStringLiteral("invoiced"),       QStringLiteral("deposit_paid"),
                        QStringLiteral("partially_paid"), QStringLiteral("paid"),
                        QStringLiteral("overdue"),        QStringLiteral("voided"),
                        QStringLiteral("refunded") };
    d.dealStages = { { QStringLiteral("appointmentscheduled"),
                       QStringLiteral("Appointment scheduled") },
                     { QStringLiteral("qualifiedtobuy"), QStringLiteral("Qualified to buy") },
                     { QStringLiteral("contractsent"), QStringLiteral("Contract sent") },
                     { QStringLiteral("closedwon"), QStringLiteral("Closed won") },
                     { QStringLiteral("closedlost"), QStringLiteral("Closed lost") } };
    d.taskPlaceholders = Sync::taskPlaceholders();
    return d;
}

// Every value of a row, to compare whole rows.
QString describe(const FieldMapping &m)
{
    return QStringLiteral("#%1 v%2 %3 %4:%5 -> %6:%7 via %8, authority %9, %10")
        .arg(m.id)
        .arg(m.version)
        .arg(m.field, Concord::Domain::toString(m.sourceSystem), m.sourcePath,
             Concord::Domain::toString(m.targetSystem), m.targetPath, m.transform,
             Concord::Domain::toString(m.authoritativeSystem),
             m.enabled ? QStringLiteral("on") : QStringLiteral("off"));
}

QString describe(const StatusMapping &m)
{
    return QStringLiteral("#%1 v%2 %3/%4 in %5: %6 '%7'")
        .arg(m.id)
        .arg(m.version)
        .arg(Concord::Domain::toString(m.domain), m.status,
             Concord::Domain::toString(m.targetSystem), Concord::Domain::toString(m.action),
             m.targetValue);
}

template<typename T> QStringList describeAll(const QList<T> &rows)
{
    QStringList out;
    for (const T &r : rows)
        out << describe(r);
    return out;
}

int fieldRow(const FieldMappingModel &model, const QString &field)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.mapping(row).field == field)
            return row;
    }
    return -1;
}

int statusRow(const StatusMappingModel &model, const QString &status, StatusAction action)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.mapping(row).status == status && model.mapping(row).action == action)
            return row;
    }
    return -1;
}

QStringList problemTexts(const MappingsPage &page)
{
    QStringList out;
    for (int i = 0; i < page.problemList()->count(); ++i)
        out << page.problemList()->item(i)->text();
    return out;
}

} // namespace

class TestMappingsPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelsPassTester();
    void displayAndChoices();
    void editUndoRedo_data();
    void editUndoRedo();
    void editThroughDelegate();
    void addAndRemoveAreUndoable();
    void twoAuthoritiesBlockApply();
    void incompatibleTransformExplained();
    void applyEmitsOneBatchWithVersions();
    void failureKeepsEdits();
    void newerDataIsHeldWhileEditing();
    void discardUndoesEverything();
    void keyboardUndoRedo();
    void permissions_data();
    void permissions();
    void sideChangeRefusedBeforeApply();
    void fitsTheWindowWithoutSidewaysScroll();
    void renderForReview();
};

void TestMappingsPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::initResources();
}

void TestMappingsPage::modelsPassTester()
{
    const auto mode = QAbstractItemModelTester::FailureReportingMode::QtTest;
    QUndoStack stack;
    FieldMappingModel fields;
    QAbstractItemModelTester fieldTester(&fields, mode);
    StatusMappingModel statuses;
    QAbstractItemModelTester statusTester(&statuses, mode);
    fields.setUndoStack(&stack);
    statuses.setUndoStack(&stack);
    fields.setRole(Role::Owner);
    statuses.setRole(Role::Owner);

    const MappingsData sample = sampleData();
    for (const MappingsData &data : { sample, MappingsData(), sample }) {
        fields.setSnapshot(data);
        statuses.setSnapshot(data);
        QCOMPARE(fields.rowCount(), data.fields.size());
        QCOMPARE(statuses.rowCount(), data.statuses.size());
    }
    // Edits, insertions and removals, and their undo, keep the models consistent.
    QVERIFY(
        fields.setData(fields.index(2, FieldMappingModel::Transform), QStringLiteral("identity")));
    QVERIFY(fields.setData(fields.index(0, FieldMappingModel::Enabled), Qt::Unchecked,
                           Qt::CheckStateRole));
    QVERIFY(fields.addMapping().isValid());
    QCOMPARE(fields.removeMappings({ 0, 3, 5 }), 3);
    QVERIFY(statuses.addMapping().isValid());
    QVERIFY(statuses.setData(statuses.index(1, StatusMappingModel::Action),
                             QStringLiteral("close_tasks")));
    QCOMPARE(statuses.removeMappings({ 4 }), 1);
    while (stack.canUndo())
        stack.undo();
    QCOMPARE(describeAll(fields.mappings()), describeAll(sample.fields));
    QCOMPARE(describeAll(statuses.mappings()), describeAll(sample.statuses));
    while (stack.canRedo())
        stack.redo();
    QCOMPARE(fields.rowCount(), sample.fields.size() - 2);
    QCOMPARE(statuses.rowCount(), sample.statuses.size());
}

void TestMappingsPage::displayAndChoices()
{
    FieldMappingModel fields;
    fields.setRole(Role::Owner);
    fields.setSnapshot(sampleData());
    const int duration = fieldRow(fields, QStringLiteral("duration"));
    QCOMPARE(fields.index(duration, FieldMappingModel::Type).data().toString(),
             QStringLiteral("Minutes"));
    QCOMPARE(fields.index(duration, FieldMappingModel::Source).data().toString(),
             QStringLiteral("Cal.com"));
    QCOMPARE(fields.index(duration, FieldMappingModel::Source).data(Qt::EditRole).toString(),
             QStringLiteral("calcom"));
    QCOMPARE(fields.index(duration, FieldMappingModel::Authority).data().toString(),
             QStringLiteral("Cal.com"));
    QCOMPARE(fields.index(duration, FieldMappingModel::Enabled).data(Qt::CheckStateRole).toInt(),
             int(Qt::Checked));
    QCOMPARE(fields.index(duration, 0).data(IdRole).toLongLong(), fields.mapping(duration).id);
    QCOMPARE(fields.index(duration, FieldMappingModel::Field).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Last changed by bea, %1")
                 .arg(QLocale().toString(kEdited.toLocalTime(), QLocale::ShortFormat)));
    // Transforms that cannot take minutes say what they need.
    const QStringList transforms =
        fields.index(duration, FieldMappingModel::Transform).data(ChoicesRole).toStringList();
    const QStringList labels =
        fields.index(duration, FieldMappingModel::Transform).data(ChoiceLabelsRole).toStringList();
    QCOMPARE(transforms.size(), Sync::knownTransforms().size());
    QCOMPARE(labels.at(transforms.indexOf(QStringLiteral("minutes_to_hours"))),
             QStringLiteral("minutes_to_hours"));
    QCOMPARE(labels.at(transforms.indexOf(QStringLiteral("e164"))),
             QStringLiteral("e164 (needs: Phone number)"));
    QCOMPARE(fields.index(duration, FieldMappingModel::Target).data(ChoicesRole).toStringList(),
             (QStringList { QStringLiteral("quickbooks"), QStringLiteral("hubspot"),
                            QStringLiteral("calcom") }));
    QCOMPARE(fields.index(duration, FieldMappingModel::TargetPath).data(ChoicesRole).toStringList(),
             QStringList { QStringLiteral("Invoice.Line[].SalesItemLineDetail.Qty") });
    QVERIFY(fields.index(duration, FieldMappingModel::TargetPath).data(FreeTextRole).toBool());
    QVERIFY(!(fields.flags(fields.index(duration, FieldMappingModel::Type)) & Qt::ItemIsEditable));
    QVERIFY(fields.flags(fields.index(duration, FieldMappingModel::Enabled))
            & Qt::ItemIsUserCheckable);
    QVERIFY(fields.problems().isEmpty()); // the defaults are valid

    StatusMappingModel statuses;
    statuses.setRole(Role::Owner);
    statuses.setSnapshot(sampleData());
    const int paid = statusRow(statuses, QStringLiteral("paid"), StatusAction::DealStage);
    QCOMPARE(statuses.index(paid, StatusMappingModel::Kind).data().toString(),
             QStringLiteral("Payment"));
    QCOMPARE(statuses.index(paid, StatusMappingModel::Status).data().toString(),
             QStringLiteral("Paid"));
    QCOMPARE(statuses.index(paid, StatusMappingModel::Action).data().toString(),
             QStringLiteral("Move the deal to"));
    QCOMPARE(statuses.index(paid, StatusMappingModel::Value).data().toString(),
             QStringLiteral("Closed won"));
    QCOMPARE(statuses.index(paid, StatusMappingModel::Value).data(Qt::EditRole).toString(),
             QStringLiteral("closedwon"));
    QCOMPARE(
        statuses.index(paid, StatusMappingModel::Value).data(ChoicesRole).toStringList().size(), 5);
    const int closeTasks = statusRow(statuses, QStringLiteral("paid"), StatusAction::CloseTasks);
    QVERIFY(!(statuses.flags(statuses.index(closeTasks, StatusMappingModel::Value))
              & Qt::ItemIsEditable));
    QCOMPARE(statuses.index(closeTasks, StatusMappingModel::Value).data().toString(),
             QStringLiteral("—"));
    QVERIFY(statuses.problems().isEmpty());
}

void TestMappingsPage::editUndoRedo_data()
{
    QTest::addColumn<bool>("statusTab");
    QTest::addColumn<QString>("row"); // field, or status/action
    QTest::addColumn<int>("column");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("after"); // the whole row after the edit
    QTest::addColumn<QString>("undoText");

    QTest::newRow("transform")
        << false << QStringLiteral("phone") << int(FieldMappingModel::Transform)
        << QVariant(QStringLiteral("identity")) << int(Qt::EditRole)
        << QStringLiteral("#3 v1 phone hubspot:contact.phone -> quickbooks:Customer.PrimaryPhone."
                          "FreeFormNumber via identity, authority hubspot, on")
        << QStringLiteral("Change the transform of phone: HubSpot → QuickBooks");
    QTest::newRow("system of record")
        << false << QStringLiteral("timezone") << int(FieldMappingModel::Authority)
        << QVariant(QStringLiteral("hubspot")) << int(Qt::EditRole)
        << QStringLiteral("#5 v3 timezone calcom:booking.attendees[0].timeZone -> "
                          "hubspot:deal.concord_appointment_"
                          "timezone via iana_zone, authority hubspot, on")
        << QStringLiteral("Change the system of record of timezone: Cal.com → HubSpot");
    QTest::newRow("target path")
        << false << QStringLiteral("email") << int(FieldMappingModel::TargetPath)
        << QVariant(QStringLiteral("  Customer.Email  ")) << int(Qt::EditRole)
        << QStringLiteral("#2 v3 email hubspot:contact.email -> quickbooks:Customer.Email via "
                          "email, authority hubspot, on")
        << QStringLiteral("Change the target path of email: HubSpot → QuickBooks");
    QTest::newRow("switch off")
        << false << QStringLiteral("tax") << int(FieldMappingModel::Enabled)
        << QVariant(int(Qt::Unchecked)) << int(Qt::CheckStateRole)
        << QStringLiteral("#11 v3 tax quickbooks:Invoice.TxnTaxDetail.TotalTax -> hubspot:deal."
                          "concord_invoice_tax via amount, authority quickbooks, off")
        << QStringLiteral("Switch off tax: QuickBooks → HubSpot");
    QTest::newRow("deal stage")
        << true << QStringLiteral("booked/deal_stage") << int(StatusMappingModel::Value)
        << QVariant(QStringLiteral("qualifiedtobuy")) << int(Qt::EditRole)
        << QStringLiteral("#101 v2 appointment/booked in hubspot: deal_stage 'qualifiedtobuy'")
        << QStringLiteral("Change the deal stage of Appointment · Booked → Move the deal to");
    QTest::newRow("action clears the stage")
        << true << QStringLiteral("paid/deal_stage") << int(StatusMappingModel::Action)
        << QVariant(QStringLiteral("create_task")) << int(Qt::EditRole)
        << QStringLiteral("#110 v1 money/paid in hubspot: create_task ''")
        << QStringLiteral("Change what Payment · Paid → Move the deal to does");
    QTest::newRow("kind resets the status")
        << true << QStringLiteral("no_show/create_task") << int(StatusMappingModel::Kind)
        << QVariant(QStringLiteral("money")) << int(Qt::EditRole)
        << QStringLiteral("#104 v1 money/invoiced in hubspot: create_task 'Follow up: {customer} "
                          "missed {service} on "
                          "{start}'")
        << QStringLiteral("Change the kind of Appointment · No-show → Create a task");
}

void TestMappingsPage::editUndoRedo()
{
    QFETCH(bool, statusTab);
    QFETCH(QString, row);
    QFETCH(int, column);
    QFETCH(QVariant, value);
    QFETCH(int, role);
    QFETCH(QString, after);
    QFETCH(QString, undoText);

    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    const MappingsData data = sampleData();
    page.setData(data);
    QAbstractItemModel *model = statusTab ? static_cast<QAbstractItemModel *>(page.statusModel())
                                          : static_cast<QAbstractItemModel *>(page.fieldModel());
    int r = -1;
    if (statusTab) {
        const QStringList parts = row.split(QLatin1Char('/'));
        r = statusRow(*page.statusModel(), parts.at(0),
                      *Concord::Domain::parseStatusAction(parts.at(1)));
    } else {
        r = fieldRow(*page.fieldModel(), row);
    }
    QVERIFY(r >= 0);
    const auto rowNow = [&] {
        return statusTab ? describe(page.statusModel()->mapping(r))
                         : describe(page.fieldModel()->mapping(r));
    };
    const QString before = rowNow();

    QVERIFY(model->setData(model->index(r, column), value, role));
    QCOMPARE(rowNow(), after);
    QCOMPARE(page.undoStack()->count(), 1);
    QCOMPARE(page.undoStack()->undoText(), undoText);
    QVERIFY(page.hasUnsavedChanges());
    QVERIFY(model->index(r, column).data(ChangedRole).toBool());
    QCOMPARE(page.undoButton()->toolTip(), QStringLiteral("Undo: %1 (Ctrl+Z)").arg(undoText));

    page.undoButton()->click();
    QCOMPARE(rowNow(), before);
    QVERIFY(!page.hasUnsavedChanges());
    QVERIFY(!model->index(r, column).data(ChangedRole).toBool());
    QCOMPARE(page.redoButton()->toolTip(), QStringLiteral("Redo: %1 (Ctrl+Shift+Z)").arg(undoText));
    QCOMPARE(page.undoButton()->toolTip(), QStringLiteral("Nothing to undo"));

    page.redoButton()->click();
    QCOMPARE(rowNow(), after);
    QVERIFY(page.hasUnsavedChanges());
    // Setting the same value again is no edit.
    QVERIFY(!model->setData(model->index(r, column), model->index(r, column).data(role), role));
    QCOMPARE(page.undoStack()->count(), 1);
}

void TestMappingsPage::editThroughDelegate()
{
    MappingsPage page;
    page.resize(1280, 800);
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = page.view(Tab::Fields);
    const int phone = fieldRow(*page.fieldModel(), QStringLiteral("phone"));
    const QModelIndex cell = page.fieldModel()->index(phone, FieldMappingModel::Transform);
    const QString before = describe(page.fieldModel()->mapping(phone));
    view->setCurrentIndex(cell);
    view->edit(cell);
    auto *combo = view->viewport()->findChild<QComboBox *>();
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("e164"));
    QCOMPARE(combo->count(), int(Sync::knownTransforms().size()));
    const int identity = combo->findData(QStringLiteral("identity"));
    combo->setCurrentIndex(identity);
    Q_EMIT combo->activated(identity); // as a pick from the list does
    QTRY_VERIFY(!view->viewport()->findChild<QComboBox *>()
                || !view->viewport()->findChild<QComboBox *>()->isVisible());
    QCOMPARE(page.fieldModel()->mapping(phone).transform, QStringLiteral("identity"));
    QCOMPARE(page.undoStack()->count(), 1);
    page.undoStack()->undo();
    QCOMPARE(describe(page.fieldModel()->mapping(phone)), before);

    // A free-text cell takes what is typed.
    const QModelIndex path = page.fieldModel()->index(phone, FieldMappingModel::SourcePath);
    view->setCurrentIndex(path);
    view->edit(path);
    QComboBox *pathCombo = nullptr;
    QTRY_VERIFY((pathCombo = view->viewport()->findChild<QComboBox *>()) && pathCombo->isVisible()
                && pathCombo->isEditable());
    pathCombo->setEditText(QStringLiteral("contact.mobilephone"));
    QTest::keyClick(pathCombo, Qt::Key_Return);
    QTRY_COMPARE(page.fieldModel()->mapping(phone).sourcePath,
                 QStringLiteral("contact.mobilephone"));
    QCOMPARE(page.undoStack()->count(), 1);
}

void TestMappingsPage::addAndRemoveAreUndoable()
{
    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    const MappingsData data = sampleData();
    page.setData(data);
    FieldMappingModel *fields = page.fieldModel();

    page.addButton(Tab::Fields)->click();
    QCOMPARE(fields->rowCount(), data.fields.size() + 1);
    const int added = fields->rowCount() - 1;
    QCOMPARE(describe(fields->mapping(added)),
             QStringLiteral("#0 v1  calcom: -> hubspot: via identity, authority calcom, on"));
    QCOMPARE(fields->index(added, 0).data(IdRole).toLongLong(), 0);
    QVERIFY(fields->index(added, 0).data(KeyRole).toLongLong() < 0);
    // A new row without a field is a problem until one is chosen.
    QVERIFY(fields->hasErrors());
    QVERIFY(!page.applyButton()->isEnabled());
    // Choosing a field other rows carry takes their system of record and the usual paths.
    QVERIFY(
        fields->setData(fields->index(added, FieldMappingModel::Field), QStringLiteral("Email")));
    QCOMPARE(
        describe(fields->mapping(added)),
        QStringLiteral(
            "#0 v1 email hubspot:contact.email -> hubspot: via identity, authority hubspot, on"));
    QVERIFY(
        fields->setData(fields->index(added, FieldMappingModel::Target), QStringLiteral("calcom")));
    QVERIFY2(!fields->hasErrors(), qPrintable(problemTexts(page).join(QLatin1Char('\n'))));
    QVERIFY(page.applyButton()->isEnabled());

    // Removing two rows is one undo step; undo brings both back where they were.
    const QStringList beforeRemove = describeAll(fields->mappings());
    page.view(Tab::Fields)
        ->selectionModel()
        ->select(QItemSelection(fields->index(0, 0),
                                fields->index(1, FieldMappingModel::ColumnCount - 1)),
                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(page.removeButton(Tab::Fields)->isEnabled());
    page.removeButton(Tab::Fields)->click();
    QCOMPARE(fields->rowCount(), beforeRemove.size() - 2);
    QCOMPARE(page.undoStack()->undoText(), QStringLiteral("Remove 2 field mappings"));
    QCOMPARE(page.pendingBatch().deletedFields, (QList<MappingRef> { { 1, 2 }, { 2, 3 } }));
    page.undoStack()->undo();
    QCOMPARE(describeAll(fields->mappings()), beforeRemove);
    page.undoStack()->undo(); // the target
    page.undoStack()->undo(); // the field
    page.undoStack()->undo(); // the row
    QCOMPARE(describeAll(fields->mappings()), describeAll(data.fields));
    QVERIFY(!page.hasUnsavedChanges());
}

void TestMappingsPage::twoAuthoritiesBlockApply()
{
    MappingsPage page;
    page.resize(1280, 800);
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    FieldMappingModel *fields = page.fieldModel();
    QVERIFY(page.problemList()->isHidden());

    // A second row for appointment_time, owned by HubSpot: two authorities.
    const QModelIndex added = fields->addMapping();
    const int row = added.row();
    QVERIFY(fields->setData(fields->index(row, FieldMappingModel::Field),
                            QStringLiteral("appointment_time")));
    QVERIFY(fields->setData(fields->index(row, FieldMappingModel::Target),
                            QStringLiteral("quickbooks")));
    QVERIFY(
        fields->setData(fields->index(row, FieldMappingModel::Source), QStringLiteral("hubspot")));
    QVERIFY(fields->setData(fields->index(row, FieldMappingModel::Authority),
                            QStringLiteral("hubspot")));
    QVERIFY(fields->setData(fields->index(row, FieldMappingModel::Transform),
                            QStringLiteral("utc_datetime")));

    const QString why = QStringLiteral(
        "'appointment_time' has more than one system of record (Cal.com, HubSpot); "
        "a field has exactly one — choose it and use it on every row of this field.");
    const int original = fieldRow(*fields, QStringLiteral("appointment_time"));
    QCOMPARE(
        problemTexts(page),
        (QStringList { QStringLiteral("Fields, row %1 (appointment_time: Cal.com → HubSpot): %2")
                           .arg(original + 1)
                           .arg(why),
                       QStringLiteral("Fields, row %1 (appointment_time: HubSpot → QuickBooks): %2")
                           .arg(row + 1)
                           .arg(why) }));
    QVERIFY(page.problemList()->isVisible());
    QVERIFY(!page.applyButton()->isEnabled());
    QCOMPARE(page.applyButton()->toolTip(),
             QStringLiteral("Fix the problems marked in red first (listed below the table)"));
    // The cell is marked and explains itself.
    const QModelIndex authority = fields->index(row, FieldMappingModel::Authority);
    QCOMPARE(authority.data(ProblemRole).toString(), why);
    QCOMPARE(authority.data(Qt::ToolTipRole).toString(), why);
    QCOMPARE(authority.data(Qt::BackgroundRole).value<QColor>(),
             Theme::toneBackground(Theme::Tone::Bad));

    // Clicking a problem shows its row.
    page.view(Tab::Fields)->setCurrentIndex(fields->index(0, 0));
    QListWidgetItem *first = page.problemList()->item(0);
    QTest::mouseClick(page.problemList()->viewport(), Qt::LeftButton, {},
                      page.problemList()->visualItemRect(first).center());
    QCOMPARE(page.view(Tab::Fields)->currentIndex(),
             fields->index(original, FieldMappingModel::Authority));
    QVERIFY(page.view(Tab::Fields)->selectionModel()->isRowSelected(original, {}));

    // Using one authority clears it.
    QVERIFY(fields->setData(authority, QStringLiteral("calcom")));
    QVERIFY(
        fields->setData(fields->index(row, FieldMappingModel::Source), QStringLiteral("calcom")));
    QVERIFY2(problemTexts(page).isEmpty(), qPrintable(problemTexts(page).join(QLatin1Char('\n'))));
    QVERIFY(page.applyButton()->isEnabled());
}

void TestMappingsPage::incompatibleTransformExplained()
{
    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    StatusMappingModel *statuses = page.statusModel();
    FieldMappingModel *fields = page.fieldModel();
    const int duration = fieldRow(*fields, QStringLiteral("duration"));
    QVERIFY(fields->setData(fields->index(duration, FieldMappingModel::Transform),
                            QStringLiteral("e164")));
    QCOMPARE(fields->index(duration, FieldMappingModel::Transform).data(ProblemRole).toString(),
             QStringLiteral("The transform 'e164' expects a phone number, but 'duration' holds a "
                            "number of minutes; "
                            "choose one that fits (identity, minutes_to_hours)."));
    QVERIFY(!page.applyButton()->isEnabled());
    // A status problem shows on its tab.
    const int overdue = statusRow(*statuses, QStringLiteral("overdue"), StatusAction::CreateTask);
    QVERIFY(statuses->setData(statuses->index(overdue, StatusMappingModel::Value), QString()));
    const QStringList problems = problemTexts(page);
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(1).startsWith(
                 QStringLiteral("Statuses, row %1 (Payment · Overdue → Create a task): This "
                                "row creates a task but gives it no subject")
                     .arg(overdue + 1)),
             qPrintable(problems.at(1)));
    QVERIFY(!page.tabs()->tabIcon(1).isNull());
}

void TestMappingsPage::applyEmitsOneBatchWithVersions()
{
    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    const MappingsData data = sampleData();
    page.setData(data);
    QSignalSpy applied(&page, &MappingsPage::applyRequested);
    FieldMappingModel *fields = page.fieldModel();
    StatusMappingModel *statuses = page.statusModel();
    QVERIFY(!page.applyButton()->isEnabled());
    QCOMPARE(page.changesText(), QStringLiteral("No changes"));

    const int phone = fieldRow(*fields, QStringLiteral("phone"));
    QVERIFY(fields->setData(fields->index(phone, FieldMappingModel::Transform),
                            QStringLiteral("identity")));
    const int noShow = statusRow(*statuses, QStringLiteral("no_show"), StatusAction::CreateTask);
    QCOMPARE(statuses->removeMappings({ noShow }), 1);
    const QModelIndex added = statuses->addMapping();
    QVERIFY(statuses->setData(statuses->index(added.row(), StatusMappingModel::Status),
                              QStringLiteral("no_show")));
    QVERIFY(statuses->setData(statuses->index(added.row(), StatusMappingModel::Action),
                              QStringLiteral("deal_stage")));
    QVERIFY(statuses->setData(statuses->index(added.row(), StatusMappingModel::Value),
                              QStringLiteral("closedlost")));
    QVERIFY(page.applyButton()->isEnabled());
    QCOMPARE(page.changesText(), QStringLiteral("Changes not applied yet: 3"));

    page.applyButton()->click();
    QCOMPARE(applied.size(), 1);
    const auto batch = applied.first().first().value<MappingBatch>();
    FieldMapping phoneAfter = data.fields.at(phone);
    phoneAfter.transform = QStringLiteral("identity");
    QCOMPARE(describeAll(batch.fields), QStringList { describe(phoneAfter) });
    QCOMPARE(batch.fields.first().version, data.fields.at(phone).version);
    QCOMPARE(describeAll(batch.statuses),
             QStringList {
                 QStringLiteral("#0 v1 appointment/no_show in hubspot: deal_stage 'closedlost'") });
    QCOMPARE(
        batch.deletedStatuses,
        (QList<MappingRef> { { data.statuses.at(noShow).id, data.statuses.at(noShow).version } }));
    QVERIFY(batch.deletedFields.isEmpty());

    // On its way: nothing may change, nothing is sent twice.
    QVERIFY(page.isApplying());
    QVERIFY(!page.applyButton()->isEnabled());
    QVERIFY(!(fields->flags(fields->index(0, FieldMappingModel::Field)) & Qt::ItemIsEditable));
    page.apply();
    QCOMPARE(applied.size(), 1);
    QCOMPARE(page.bannerText(), QStringLiteral("Applying your changes…"));

    // Applied: the stack is clean, the stored rows replace the tables.
    page.showApplied(QStringLiteral("Applied 3 changes."));
    QVERIFY(page.undoStack()->isClean());
    QVERIFY(!page.hasUnsavedChanges());
    QCOMPARE(page.bannerText(), QStringLiteral("Applied 3 changes."));
    MappingsData stored = data;
    stored.fields[phone] = phoneAfter;
    stored.fields[phone].version += 1;
    page.setData(stored);
    QCOMPARE(describeAll(fields->mappings()), describeAll(stored.fields));
    QCOMPARE(page.undoStack()->count(), 0);
    QVERIFY(!page.applyButton()->isEnabled());
    QVERIFY(fields->flags(fields->index(0, FieldMappingModel::Field)) & Qt::ItemIsEditable);
    QCOMPARE(page.bannerText(), QStringLiteral("Applied 3 changes."));
}

void TestMappingsPage::failureKeepsEdits()
{
    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    QSignalSpy applied(&page, &MappingsPage::applyRequested);
    QSignalSpy reloads(&page, &MappingsPage::reloadRequested);
    FieldMappingModel *fields = page.fieldModel();
    const int phone = fieldRow(*fields, QStringLiteral("phone"));
    QVERIFY(fields->setData(fields->index(phone, FieldMappingModel::Transform),
                            QStringLiteral("identity")));
    QVERIFY(fields->setData(fields->index(0, FieldMappingModel::Enabled), Qt::Unchecked,
                            Qt::CheckStateRole));
    const QStringList edited = describeAll(fields->mappings());
    const MappingBatch sent = page.pendingBatch();
    QCOMPARE(sent.fields.size(), 2);
    page.apply();
    QCOMPARE(applied.size(), 1);

    const QString conflict = QStringLiteral("The field mapping 'phone' (HubSpot → QuickBooks) was "
                                            "changed by oscar on 2026-04-01 10:01 UTC after you "
                                            "opened it (now version 2, you edited version 1). "
                                            "Nothing was applied: reload to see their change, then "
                                            "make yours again.");
    page.showFailure(conflict);
    QCOMPARE(page.bannerText(),
             conflict + QStringLiteral("\nYour edits are still here and nothing was applied."));
    QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("bannerReloadButton"))->isHidden());
    QVERIFY(page.hasUnsavedChanges());
    QCOMPARE(describeAll(fields->mappings()), edited);
    QCOMPARE(describeAll(page.pendingBatch().fields), describeAll(sent.fields));
    QVERIFY(page.applyButton()->isEnabled());
    QVERIFY(page.undoStack()->canUndo());
    QVERIFY(fields->flags(fields->index(0, FieldMappingModel::Field)) & Qt::ItemIsEditable);

    // Reload asks first; "no" keeps everything.
    QStringList questions;
    bool answer = false;
    page.setConfirmer([&](QWidget *, const QString &, const QString &question) {
        questions << question;
        return answer;
    });
    page.reload();
    QCOMPARE(reloads.size(), 0);
    QCOMPARE(questions,
             QStringList {
                 QStringLiteral("You have changes that are not applied yet (2). Reloading shows "
                                "the mappings as they are stored now and drops them.") });
    QCOMPARE(describeAll(fields->mappings()), edited);
    answer = true;
    page.reload();
    QCOMPARE(reloads.size(), 1);
    // The stored rows (with the other person's change) replace the edits.
    MappingsData theirs = sampleData();
    theirs.fields[phone].version = 2;
    theirs.fields[phone].updatedBy = QStringLiteral("oscar");
    page.setData(theirs);
    QCOMPARE(describeAll(fields->mappings()), describeAll(theirs.fields));
    QVERIFY(!page.hasUnsavedChanges());
    QVERIFY(page.bannerText().isEmpty());
}

void TestMappingsPage::newerDataIsHeldWhileEditing()
{
    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    FieldMappingModel *fields = page.fieldModel();
    QVERIFY(fields->setData(fields->index(0, FieldMappingModel::Enabled), Qt::Unchecked,
                            Qt::CheckStateRole));
    const QStringList edited = describeAll(fields->mappings());
    MappingsData newer = sampleData();
    newer.fields[4].version += 1;
    page.setData(newer);
    QCOMPARE(describeAll(fields->mappings()), edited);
    QVERIFY(page.bannerText().startsWith(QStringLiteral("The mappings were changed meanwhile")));
    // Without edits, new data is simply shown.
    page.undoStack()->undo();
    page.setData(newer);
    QCOMPARE(describeAll(fields->mappings()), describeAll(newer.fields));
}

void TestMappingsPage::discardUndoesEverything()
{
    MappingsPage page;
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    const MappingsData data = sampleData();
    page.setData(data);
    FieldMappingModel *fields = page.fieldModel();
    StatusMappingModel *statuses = page.statusModel();
    QVERIFY(fields->setData(fields->index(1, FieldMappingModel::TargetPath), QStringLiteral("x")));
    QVERIFY(statuses->removeMappings({ 2 }) == 1);
    fields->addMapping();
    QVERIFY(page.discardButton()->isEnabled());
    page.discardButton()->click();
    QVERIFY(!page.hasUnsavedChanges());
    QCOMPARE(describeAll(fields->mappings()), describeAll(data.fields));
    QCOMPARE(describeAll(statuses->mappings()), describeAll(data.statuses));
    QVERIFY(!page.discardButton()->isEnabled());
    // Redo brings the edits back.
    QVERIFY(page.redoButton()->isEnabled());
    while (page.undoStack()->canRedo())
        page.undoStack()->redo();
    QCOMPARE(page.pendingBatch().size(), 3);
}

void TestMappingsPage::keyboardUndoRedo()
{
    MappingsPage page;
    page.resize(1280, 800);
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    page.show();
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    QTableView *view = page.view(Tab::Fields);
    view->setFocus();
    FieldMappingModel *fields = page.fieldModel();
    QVERIFY(fields->setData(fields->index(3, FieldMappingModel::Transform),
                            QStringLiteral("identity")));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(fields->mapping(3).transform, QStringLiteral("utc_datetime"));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(fields->mapping(3).transform, QStringLiteral("identity"));
    // Delete removes the selected rows; Ctrl+Z puts them back.
    view->selectionModel()->select(fields->index(5, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(fields->rowCount(), sampleData().fields.size() - 1);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(fields->rowCount(), sampleData().fields.size());
}

void TestMappingsPage::permissions_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<bool>("booking"); // may change booking-side rows
    QTest::addColumn<bool>("billing"); // may change billing-side rows
    QTest::addColumn<QString>("notice");
    QTest::newRow("owner") << Role::Owner << true << true << QString();
    QTest::newRow("office manager")
        << Role::OfficeManager << true << false
        << QStringLiteral("You can change booking-side mappings. Billing-side ones (those touching "
                          "QuickBooks, and "
                          "payment statuses) are read-only for you: only a bookkeeper or owner can "
                          "change them.");
    QTest::newRow("bookkeeper") << Role::Bookkeeper << false << true
                                << QStringLiteral("You can change billing-side mappings (those "
                                                  "touching QuickBooks, and payment statuses). "
                                                  "The others are read-only for you: only an "
                                                  "office manager or owner can change them.");
    QTest::newRow("viewer")
        << Role::Viewer << false << false
        << QStringLiteral("You can look at the mappings but not change them: only an office "
                          "manager, bookkeeper or owner can.");
}

void TestMappingsPage::permissions()
{
    QFETCH(Role, role);
    QFETCH(bool, booking);
    QFETCH(bool, billing);
    QFETCH(QString, notice);
    MappingsPage page;
    page.setData(sampleData());
    page.setActor(role, QStringLiteral("someone"));
    QCOMPARE(page.noticeText(), notice);
    FieldMappingModel *fields = page.fieldModel();
    StatusMappingModel *statuses = page.statusModel();

    const QString billingReason = QStringLiteral(
        "This is a billing-side mapping (it touches QuickBooks or payments): only a bookkeeper or "
        "owner can change it.");
    const QString bookingReason = QStringLiteral("This is a booking-side mapping (appointments, "
                                                 "contacts): only an office manager or owner can "
                                                 "change it.");
    const QString viewerReason =
        QStringLiteral("Only an office manager, bookkeeper or owner can change mappings.");
    const auto expectReason = [&](bool allowed, const QString &sideReason) {
        return allowed ? QString() : role == Role::Viewer ? viewerReason : sideReason;
    };

    // email: HubSpot → QuickBooks is billing-side; timezone: Cal.com → HubSpot booking-side.
    const int email = fieldRow(*fields, QStringLiteral("email"));
    const int timezone = fieldRow(*fields, QStringLiteral("timezone"));
    QCOMPARE(fields->lockReason(email), expectReason(billing, billingReason));
    QCOMPARE(fields->lockReason(timezone), expectReason(booking, bookingReason));
    QCOMPARE(bool(fields->flags(fields->index(email, FieldMappingModel::Transform))
                  & Qt::ItemIsEditable),
             billing);
    QCOMPARE(bool(fields->flags(fields->index(timezone, FieldMappingModel::Transform))
                  & Qt::ItemIsEditable),
             booking);
    QCOMPARE(bool(fields->flags(fields->index(email, FieldMappingModel::Enabled))
                  & Qt::ItemIsUserCheckable),
             billing);
    if (!billing) {
        QCOMPARE(
            fields->index(email, FieldMappingModel::Transform).data(Qt::ToolTipRole).toString(),
            expectReason(billing, billingReason));
        QVERIFY(!fields->setData(fields->index(email, FieldMappingModel::Transform),
                                 QStringLiteral("identity")));
        QCOMPARE(
            fields->index(email, FieldMappingModel::Field).data(Qt::ForegroundRole).value<QColor>(),
            Theme::mutedText());
    }
    // Money statuses are billing-side, appointment statuses booking-side.
    const int paid = statusRow(*statuses, QStringLiteral("paid"), StatusAction::DealStage);
    const int booked = statusRow(*statuses, QStringLiteral("booked"), StatusAction::DealStage);
    QCOMPARE(statuses->lockReason(paid), expectReason(billing, billingReason));
    QCOMPARE(statuses->lockReason(booked), expectReason(booking, bookingReason));
    QCOMPARE(bool(statuses->flags(statuses->index(paid, StatusMappingModel::Value))
                  & Qt::ItemIsEditable),
             billing);

    // Remove follows the selected rows' side, and says why not.
    page.view(Tab::Fields)->selectRow(email);
    QCOMPARE(page.removeButton(Tab::Fields)->isEnabled(), billing);
    if (!billing)
        QCOMPARE(page.removeButton(Tab::Fields)->toolTip(), expectReason(billing, billingReason));
    QCOMPARE(fields->removeMappings({ email }), billing ? 1 : 0);

    const bool mayEdit = booking || billing;
    QCOMPARE(page.addButton(Tab::Fields)->isEnabled(), mayEdit);
    QCOMPARE(page.addButton(Tab::Statuses)->isEnabled(), mayEdit);
    if (!mayEdit) {
        QCOMPARE(page.addButton(Tab::Fields)->toolTip(), viewerReason);
        QCOMPARE(page.applyButton()->toolTip(), viewerReason);
        QVERIFY(!fields->addMapping().isValid());
        QCOMPARE(page.undoStack()->count(), 0);
    } else {
        // A new row starts on the role's own side.
        const QModelIndex added = statuses->addMapping();
        QVERIFY(statuses->mapping(added.row()).domain
                == (booking ? StatusDomain::Appointment : StatusDomain::Money));
        QCOMPARE(statuses->lockReason(added.row()), QString());
    }
}

void TestMappingsPage::sideChangeRefusedBeforeApply()
{
    MappingsPage page;
    page.setData(sampleData());
    page.setActor(Role::OfficeManager, QStringLiteral("mona"));
    FieldMappingModel *fields = page.fieldModel();
    const int timezone = fieldRow(*fields, QStringLiteral("timezone"));
    QVERIFY(fields->setData(fields->index(timezone, FieldMappingModel::Target),
                            QStringLiteral("quickbooks")));
    const QModelIndex target = fields->index(timezone, FieldMappingModel::Target);
    QCOMPARE(target.data(ProblemRole).toString(),
             QStringLiteral("With QuickBooks in it, this row becomes a billing-side mapping, which "
                            "only a bookkeeper "
                            "or owner can change: choose Cal.com or HubSpot instead."));
    QVERIFY(!page.applyButton()->isEnabled());
    // The row stays editable: it can be moved back.
    QVERIFY(fields->setData(target, QStringLiteral("hubspot")));
    QVERIFY(!page.hasUnsavedChanges());
    QVERIFY(fields->problems().isEmpty());
}

// In the main window at 1180 px the page gets ~960 px: every column of the
// field table, System of record last, must be on screen without scrolling
// sideways; long paths are cut in the middle, whole in their tooltip.
void TestMappingsPage::fitsTheWindowWithoutSidewaysScroll()
{
    Theme::apply(*qApp);
    MappingsPage page;
    page.resize(960, 700);
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    page.setData(sampleData());
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTableView *view = page.view(Tab::Fields);
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    QHeaderView *header = view->horizontalHeader();
    const int authorityRight = header->sectionViewportPosition(FieldMappingModel::Authority)
        + header->sectionSize(FieldMappingModel::Authority);
    QVERIFY2(authorityRight <= view->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2").arg(authorityRight).arg(view->viewport()->width())));
    // Each path keeps a readable width: "Values" gives way in a narrow window
    // and comes back in a wide one.
    QVERIFY(header->sectionSize(FieldMappingModel::TargetPath)
            >= view->fontMetrics().horizontalAdvance(QStringLiteral("deal.concord_inv")));
    QVERIFY(view->isColumnHidden(FieldMappingModel::Type));
    if (const QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR"); !dir.isEmpty())
        QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("mappings-narrow.png"))));
    page.resize(1400, 700);
    QTRY_VERIFY(!view->isColumnHidden(FieldMappingModel::Type));
    QTRY_COMPARE(view->horizontalScrollBar()->maximum(), 0);
    FieldMappingModel *fields = page.fieldModel();
    const int phone = fieldRow(*fields, QStringLiteral("phone"));
    QCOMPARE(fields->index(phone, FieldMappingModel::TargetPath).data(Qt::ToolTipRole).toString(),
             fields->index(phone, FieldMappingModel::TargetPath).data().toString());
}

void TestMappingsPage::renderForReview()
{
    // Renders the page for a person to look at; CONCORD_UI_RENDER_DIR picks
    // where (default: the temporary directory).
    QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath();
    Theme::apply(*qApp);
    const auto clearSelection = [](MappingsPage &page, Tab tab) {
        page.view(tab)->selectionModel()->clear();
        page.view(tab)->scrollToTop();
    };

    // The owner with two edits, one of them a problem.
    MappingsPage owner;
    owner.resize(1280, 800);
    owner.setActor(Role::Owner, QStringLiteral("olivia"));
    owner.setData(sampleData());
    FieldMappingModel *fields = owner.fieldModel();
    const int phone = fieldRow(*fields, QStringLiteral("phone"));
    QVERIFY(fields->setData(fields->index(phone, FieldMappingModel::TargetPath),
                            QStringLiteral("Customer.Mobile.FreeFormNumber")));
    const int duration = fieldRow(*fields, QStringLiteral("duration"));
    QVERIFY(fields->setData(fields->index(duration, FieldMappingModel::Transform),
                            QStringLiteral("e164")));
    owner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&owner));
    clearSelection(owner, Tab::Fields);
    QVERIFY(owner.grab().save(QDir(dir).filePath(QStringLiteral("mappings-fields.png"))));

    // Nothing was applied: the edits stay, the banner says why and what to do.
    QVERIFY(fields->setData(fields->index(duration, FieldMappingModel::Transform),
                            QStringLiteral("minutes_to_hours")));
    owner.apply();
    owner.showFailure(QStringLiteral(
        "The field mapping 'phone' (HubSpot → QuickBooks) was changed by oscar on "
        "2026-04-01 10:01 UTC after you opened it (now version 2, you edited version 1). "
        "Nothing was applied: reload to see their change, then make yours again."));
    clearSelection(owner, Tab::Fields);
    QVERIFY(owner.grab().save(QDir(dir).filePath(QStringLiteral("mappings-conflict.png"))));

    // An office manager on the statuses: payment rows are read-only.
    MappingsPage manager;
    manager.resize(1280, 800);
    manager.setData(sampleData());
    manager.setActor(Role::OfficeManager, QStringLiteral("mona"));
    manager.tabs()->setCurrentIndex(int(Tab::Statuses));
    StatusMappingModel *statuses = manager.statusModel();
    const int booked = statusRow(*statuses, QStringLiteral("booked"), StatusAction::DealStage);
    QVERIFY(statuses->setData(statuses->index(booked, StatusMappingModel::Value),
                              QStringLiteral("qualifiedtobuy")));
    const int noShow = statusRow(*statuses, QStringLiteral("no_show"), StatusAction::CreateTask);
    QVERIFY(statuses->setData(statuses->index(noShow, StatusMappingModel::Value),
                              QStringLiteral("Call {customer} about {amount}")));
    manager.show();
    QVERIFY(QTest::qWaitForWindowExposed(&manager));
    clearSelection(manager, Tab::Statuses);
    QVERIFY(manager.grab().save(QDir(dir).filePath(QStringLiteral("mappings-statuses.png"))));
}

QTEST_MAIN(TestMappingsPage)
#include "tst_mappingspage.moc"
