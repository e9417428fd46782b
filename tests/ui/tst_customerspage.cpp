// The Clients and duplicates page: the identity map's model, its fast filter
// and sort, the duplicate review's list and side-by-side comparison, and the
// workflows — choose values (undoable), propose, approve after being told what
// cannot be undone, reject with a note, undo an executed merge — each gated by
// the role and by four eyes.
#include "customerspage.h"
#include "duplicatecomparisonview.h"
#include "duplicatelistmodel.h"
#include "duplicatemergedraft.h"
#include "identitymapmodel.h"
#include "identitymapproxymodel.h"
#include "theme.h"

#include "identity/mergeplan.h"
#include "services/identitydata.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QUndoGroup>
#include <QUndoStack>

using namespace Concord::Ui;
using Concord::Domain::ContactKind;
using Concord::Domain::ContactPoint;
using Concord::Domain::Customer;
using Concord::Domain::CustomerState;
using Concord::Domain::ExternalLink;
using Concord::Domain::MatchMethod;
using Concord::Domain::MergeProposal;
using Concord::Domain::MergeState;
using Concord::Domain::Role;
using Concord::Domain::System;
using Concord::Security::Permission;
using namespace Concord::Services;
using LinkFilter = IdentityMapProxyModel::LinkFilter;

namespace {

const QDateTime kNow = QDateTime::fromString(QStringLiteral("2026-04-01T09:00:00Z"), Qt::ISODate);

// --- the identity map --------------------------------------------------------

IdentityLinkCell cell(const QString &id, MatchMethod method = MatchMethod::Email,
                      int confidence = 1000, int more = 0)
{
    IdentityLinkCell c;
    c.externalId = id;
    c.method = method;
    c.confidencePermille = confidence;
    c.linkedAt = kNow.addDays(-3);
    c.linkedBy = QStringLiteral("sync");
    c.moreRecords = more;
    return c;
}

IdentityMapRow client(const QString &id, const QString &name, const QString &email,
                      const QString &phone, const IdentityLinkCell &hubspot = {},
                      const IdentityLinkCell &quickbooks = {}, const IdentityLinkCell &calcom = {})
{
    IdentityMapRow r;
    r.customerId = id;
    r.displayName = name;
    r.email = email;
    r.phone = phone;
    r.links[size_t(System::HubSpot)] = hubspot;
    r.links[size_t(System::QuickBooks)] = quickbooks;
    r.links[size_t(System::CalCom)] = calcom;
    return r;
}

IdentityMapData sampleMap()
{
    IdentityMapData d;
    d.rows = {
        client(QStringLiteral("cus_01"), QStringLiteral("Ana Lopez"),
               QStringLiteral("ana@example.org"), QStringLiteral("+1 555 0100"),
               cell(QStringLiteral("901"), MatchMethod::Created), cell(QStringLiteral("58")),
               cell(QStringLiteral("ana@example.org"), MatchMethod::Email, 1000, 1)),
        client(QStringLiteral("cus_02"), QStringLiteral("Ben Okafor"), {}, {}),
        client(QStringLiteral("cus_03"), QStringLiteral("Cleo Park"), {},
               QStringLiteral("+1 555 0300"), cell(QStringLiteral("733"), MatchMethod::Phone, 700)),
        client(QStringLiteral("cus_04"), QStringLiteral("Dana Whitfield"),
               QStringLiteral("dana@example.com"), QStringLiteral("+1 555 0400"),
               cell(QStringLiteral("905")), cell(QStringLiteral("61"))),
        client(QStringLiteral("cus_05"), QStringLiteral("Dana Whitfeld"),
               QStringLiteral("dana.w@example.com"), {}, cell(QStringLiteral("977")),
               cell(QStringLiteral("75")), cell(QStringLiteral("dana.w@example.com"))),
        client(QStringLiteral("cus_06"), QStringLiteral("eve Stone"), QStringLiteral("eve@x.org"),
               {}, {}, cell(QStringLiteral("100"))),
    };
    d.counts.customers = 6;
    d.counts.linked = { 4, 4, 2 }; // QuickBooks, HubSpot, Cal.com
    d.counts.linkedEverywhere = 2;
    d.counts.unlinked = 1;
    d.counts.merged = 1;
    d.counts.openCandidates = 2;
    d.counts.pendingProposals = 1;
    return d;
}

QStringList namesInView(const QAbstractItemModel &model)
{
    QStringList names;
    for (int row = 0; row < model.rowCount(); ++row)
        names << model.index(row, IdentityMapModel::Name).data().toString();
    return names;
}

// --- the duplicate review ------------------------------------------------------

struct Person {
    QString id;
    QString given;
    QString family;
    QString email;
    QString phone;
    QList<std::pair<System, QString>> links;
    int ageDays = 100;
};

Person person(const QString &id, const QString &given = {}, const QString &family = {})
{
    Person p;
    p.id = id;
    p.given = given;
    p.family = family;
    return p;
}

ReviewCustomer reviewCustomer(const Person &p)
{
    ReviewCustomer r;
    r.customer.id = p.id;
    r.customer.givenName = p.given;
    r.customer.familyName = p.family;
    r.customer.displayName = p.given + QLatin1Char(' ') + p.family;
    r.customer.createdAt = kNow.addDays(-p.ageDays);
    r.customer.timeZone = QStringLiteral("America/New_York");
    const auto contact = [&](ContactKind kind, const QString &value) {
        if (value.isEmpty())
            return;
        ContactPoint c;
        c.customerId = p.id;
        c.kind = kind;
        c.value = value;
        c.normalized = value.toLower();
        c.isPrimary = true;
        r.customer.contacts.append(c);
    };
    contact(ContactKind::Email, p.email);
    contact(ContactKind::Phone, p.phone);
    r.email = p.email;
    r.phone = p.phone;
    qint64 linkId = p.id.right(2).toLongLong() * 10;
    for (const auto &[system, externalId] : p.links) {
        ExternalLink l;
        l.id = ++linkId;
        l.customerId = p.id;
        l.system = system;
        l.externalId = externalId;
        l.method = MatchMethod::Email;
        r.links.append(l);
    }
    return r;
}

ReviewEvidenceField evidence(const QString &comparison, const QString &level, double weight,
                             const QString &a, const QString &b)
{
    return { comparison, level, weight > 0, weight, a, b };
}

const QString kDanaEvidenceJson =
    QStringLiteral(R"({"a":"cus_04","b":"cus_05","decision":"candidate"})");

DuplicateReviewItem danaCandidate()
{
    DuplicateReviewItem item;
    item.kind = ReviewKind::Candidate;
    item.candidateId = 12;
    item.scorePermille = 930;
    item.foundAt = kNow.addDays(-1);
    item.evidenceJson = kDanaEvidenceJson;
    item.customers = {
        reviewCustomer({ QStringLiteral("cus_04"),
                         QStringLiteral("Dana"),
                         QStringLiteral("Whitfield"),
                         QStringLiteral("dana@example.com"),
                         QStringLiteral("+1 555 0400"),
                         { { System::QuickBooks, QStringLiteral("61") },
                           { System::HubSpot, QStringLiteral("905") } },
                         400 }),
        reviewCustomer({ QStringLiteral("cus_05"),
                         QStringLiteral("Dana"),
                         QStringLiteral("Whitfeld"),
                         QStringLiteral("dana.w@example.com"),
                         {},
                         { { System::QuickBooks, QStringLiteral("75") },
                           { System::HubSpot, QStringLiteral("977") },
                           { System::CalCom, QStringLiteral("dana.w@example.com") } },
                         20 }),
    };
    item.evidence.idA = QStringLiteral("cus_04");
    item.evidence.idB = QStringLiteral("cus_05");
    item.evidence.decision = QStringLiteral("candidate");
    item.evidence.probability = 0.93;
    item.evidence.reason = QStringLiteral("names agree; the emails share a mailbox name");
    item.evidence.fields = {
        evidence(QStringLiteral("given_name"), QStringLiteral("exact"), 3.1, QStringLiteral("dana"),
                 QStringLiteral("dana")),
        evidence(QStringLiteral("email"), QStringLiteral("same mailbox name"), 2.2,
                 QStringLiteral("dana@example.com"), QStringLiteral("dana.w@example.com")),
        evidence(QStringLiteral("family_name"), QStringLiteral("typo"), 1.5,
                 QStringLiteral("whitfield"), QStringLiteral("whitfeld")),
        evidence(QStringLiteral("dob"), QStringLiteral("different"), -4.0,
                 QStringLiteral("2015-03-02"), QStringLiteral("2015-03-20")),
    };
    item.suggestedSurvivorId = QStringLiteral("cus_04");
    return item;
}

DuplicateReviewItem fayCandidate()
{
    DuplicateReviewItem item;
    item.kind = ReviewKind::Candidate;
    item.candidateId = 13;
    item.scorePermille = 610;
    item.customers = { reviewCustomer(person(QStringLiteral("cus_07"), QStringLiteral("Fay"),
                                             QStringLiteral("Ng"))),
                       reviewCustomer(person(QStringLiteral("cus_08"), QStringLiteral("Faye"),
                                             QStringLiteral("Ng"))) };
    item.evidence.nameOnly = true;
    item.evidence.fields = { evidence(QStringLiteral("given_name"), QStringLiteral("typo"), 1.0,
                                      QStringLiteral("fay"), QStringLiteral("faye")) };
    item.suggestedSurvivorId = QStringLiteral("cus_07");
    return item;
}

// A proposal as core lists it: survivor first, planned as the execution will.
DuplicateReviewItem proposalItem(qint64 id, MergeState state, const QString &proposedBy,
                                 const Person &survivor, const Person &merged,
                                 const QString &choicesJson)
{
    DuplicateReviewItem item;
    item.kind = ReviewKind::Proposal;
    item.proposalId = id;
    item.scorePermille = 880;
    item.customers = { reviewCustomer(survivor), reviewCustomer(merged) };
    item.suggestedSurvivorId = survivor.id;
    item.proposal.id = id;
    item.proposal.survivorId = survivor.id;
    item.proposal.mergedIds = { merged.id };
    item.proposal.fieldChoicesJson = choicesJson;
    item.proposal.state = state;
    item.proposal.proposedBy = proposedBy;
    item.proposal.proposedAt = kNow.addSecs(-3600);
    if (state != MergeState::Proposed) {
        item.proposal.decidedBy = QStringLiteral("oscar");
        item.proposal.decidedAt = kNow.addSecs(-600);
    }
    item.fieldChoices = QJsonDocument::fromJson(choicesJson.toUtf8()).object();
    auto plan = previewMerge(item, survivor.id, item.fieldChoices);
    if (!plan)
        qFatal("plan: %s", qPrintable(plan.error().toString()));
    item.plan = *plan;
    item.hasPlan = true;
    item.canUndo = state == MergeState::Executed;
    return item;
}

const Person kGus { QStringLiteral("cus_09"),
                    QStringLiteral("Gus"),
                    QStringLiteral("Hall"),
                    {},
                    {},
                    { { System::QuickBooks, QStringLiteral("70") },
                      { System::HubSpot, QStringLiteral("940") } } };
const Person kGus2 { QStringLiteral("cus_10"),
                     QStringLiteral("Gus"),
                     QStringLiteral("Hal"),
                     QStringLiteral("gus@new.org"),
                     {},
                     { { System::QuickBooks, QStringLiteral("71") },
                       { System::HubSpot, QStringLiteral("941") } } };
const Person kEve { QStringLiteral("cus_11"),
                    QStringLiteral("Eve"),
                    QStringLiteral("Stone"),
                    {},
                    {},
                    { { System::QuickBooks, QStringLiteral("80") },
                      { System::HubSpot, QStringLiteral("930") } } };
const Person kEve2 { QStringLiteral("cus_12"),
                     QStringLiteral("Eve"),
                     QStringLiteral("Stone-Marsh"),
                     {},
                     {},
                     { { System::QuickBooks, QStringLiteral("81") },
                       { System::HubSpot, QStringLiteral("990") } } };
const Person kIan { QStringLiteral("cus_13"),
                    QStringLiteral("Ian"),
                    QStringLiteral("Roe"),
                    {},
                    {},
                    { { System::QuickBooks, QStringLiteral("90") } } };
const Person kIan2 { QStringLiteral("cus_14"),
                     QStringLiteral("Ian"),
                     QStringLiteral("Rowe"),
                     {},
                     {},
                     { { System::HubSpot, QStringLiteral("991") } } };

DuplicateReviewData sampleReview()
{
    DuplicateReviewData d;
    d.items = {
        proposalItem(7, MergeState::Proposed, QStringLiteral("mona"), kGus, kGus2,
                     QStringLiteral(R"({"email":"gus@new.org"})")),
        proposalItem(9, MergeState::Proposed, QStringLiteral("olivia"), kIan, kIan2,
                     QStringLiteral("{}")),
        danaCandidate(),
        fayCandidate(),
        proposalItem(5, MergeState::Executed, QStringLiteral("mona"), kEve, kEve2,
                     QStringLiteral(R"({"familyName":"Stone-Marsh"})")),
        proposalItem(3, MergeState::Rejected, QStringLiteral("mona"), kIan, kIan2,
                     QStringLiteral("{}")),
    };
    d.items.last().proposal.note = QStringLiteral("two people");
    d.items.last().hasPlan = false;
    d.openCandidates = 2;
    return d;
}

// Answers the page's dialogs in place: keeps the last one presented.
class DialogCatcher {
public:
    explicit DialogCatcher(CustomersPage &page)
    {
        page.setDialogPresenter([this](QDialog *dialog) {
            m_last = dialog;
            ++m_count;
        });
    }
    [[nodiscard]] QDialog *last() const { return m_last; }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] QPushButton *confirm() const
    {
        return m_last ? m_last->findChild<QPushButton *>(QStringLiteral("confirmButton")) : nullptr;
    }
    [[nodiscard]] QString text(const QString &objectName) const
    {
        auto *label = m_last ? m_last->findChild<QLabel *>(objectName) : nullptr;
        return label ? label->text() : QString();
    }

private:
    QPointer<QDialog> m_last;
    int m_count = 0;
};

void load(CustomersPage &page, Role role, const QString &username)
{
    page.setActor(role, username);
    page.setIdentityMap(sampleMap());
    page.setDuplicateReview(sampleReview());
}

QString irreversibleOf(const DuplicateReviewItem &item, int index)
{
    return item.plan.irreversible().value(index);
}

} // namespace

class TestCustomersPage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void identityModelPassesTester();
    void identityProxyPassesTester();
    void duplicateListModelPassesTester();
    void identityMapCells();
    void identityMapFilter_data();
    void identityMapFilter();
    void identityMapSort_data();
    void identityMapSort();
    void sortKeepsTheCurrentClient();
    void emptyAndLoadingStates();
    void duplicateListWording();
    void comparisonShowsEvidencePerField();
    void proposalShowsItsChoicesReadOnly();
    void choosingValuesIsUndoable();
    void keyboardChoosesAndUndoes();
    void officeManagerProposes();
    void ownerApprovesAfterSeeingWhatCannotBeUndone();
    void approveCancelledSendsNothing();
    void ownerRejectsWithNote();
    void officeManagerCannotDecide();
    void proposerCannotApproveOwnProposal();
    void viewerCannotChoose();
    void undoMergeSaysWhatStays();
    void busyUntilAnswered();
    void snapshotKeepsDraftsAndFollowsTheProposal();
    void render();
};

void TestCustomersPage::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    Theme::initResources();
    auto *english = new QTranslator(this);
    QVERIFY(english->load(QStringLiteral(":/i18n/concord_en.qm")));
    QCoreApplication::installTranslator(english);
}

void TestCustomersPage::identityModelPassesTester()
{
    IdentityMapModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIdentityMap(sampleMap());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(IdentityMapModel::ColumnCount));
    model.setIdentityMap({});
    QCOMPARE(model.rowCount(), 0);
    model.setIdentityMap(sampleMap());
    QCOMPARE(model.rowCount(), 6);
}

void TestCustomersPage::identityProxyPassesTester()
{
    IdentityMapModel model;
    IdentityMapProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setIdentityMap(sampleMap());
    QCOMPARE(proxy.rowCount(), 6);
    QPersistentModelIndex dana = proxy.index(proxy.rowForCustomer(QStringLiteral("cus_05")), 1);
    proxy.sort(IdentityMapModel::Name, Qt::DescendingOrder);
    QVERIFY(dana.isValid());
    QCOMPARE(dana.data(IdentityMapModel::IdRole).toString(), QStringLiteral("cus_05"));
    QCOMPARE(dana.column(), 1);
    proxy.setFilterText(QStringLiteral("dana"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setLinkFilter(LinkFilter::LinkedEverywhere);
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setFilterText(QStringLiteral("nobody"));
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(!proxy.hasChildren());
    proxy.setFilterText({});
    proxy.setLinkFilter(LinkFilter::All);
    model.setIdentityMap({});
    QCOMPARE(proxy.rowCount(), 0);
    model.setIdentityMap(sampleMap());
    QCOMPARE(proxy.rowCount(), 6);
    // Mapping both ways.
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex p = proxy.index(row, 2);
        QCOMPARE(proxy.mapFromSource(proxy.mapToSource(p)), p);
    }
}

void TestCustomersPage::duplicateListModelPassesTester()
{
    DuplicateListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setReview(sampleReview());
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.needingAction(), 4);
    QCOMPARE(model.rowForKey(QStringLiteral("candidate/12")), 2);
    QCOMPARE(model.rowForKey(QStringLiteral("proposal/99")), -1);
    model.setReview({});
    QCOMPARE(model.rowCount(), 0);
}

void TestCustomersPage::identityMapCells()
{
    IdentityMapModel model;
    model.setIdentityMap(sampleMap());
    const auto at = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(at(0, IdentityMapModel::Name).toString(), QStringLiteral("Ana Lopez"));
    QCOMPARE(at(0, IdentityMapModel::Email).toString(), QStringLiteral("ana@example.org"));
    QCOMPARE(at(0, IdentityMapModel::HubSpot).toString(), QStringLiteral("✓ 901"));
    QCOMPARE(at(0, IdentityMapModel::CalCom).toString(), QStringLiteral("✓ ana@example.org +1"));
    QCOMPARE(at(1, IdentityMapModel::QuickBooks).toString(), QStringLiteral("not linked"));
    QCOMPARE(at(1, IdentityMapModel::QuickBooks, Qt::ForegroundRole).value<QBrush>().color(),
             Theme::mutedText());
    QVERIFY(!at(0, IdentityMapModel::QuickBooks, Qt::ForegroundRole).isValid());
    QCOMPARE(at(1, IdentityMapModel::QuickBooks, IdentityMapModel::LinkedRole).toBool(), false);
    QCOMPARE(at(0, IdentityMapModel::QuickBooks, IdentityMapModel::ExternalIdRole).toString(),
             QStringLiteral("58"));
    QCOMPARE(at(3, IdentityMapModel::Phone, IdentityMapModel::IdRole).toString(),
             QStringLiteral("cus_04"));
    QCOMPARE(
        at(2, IdentityMapModel::HubSpot, Qt::ToolTipRole).toString(),
        QStringLiteral("HubSpot contact 733\nmatched by phone, 70% sure\nLinked by sync on %1")
            .arg(kNow.addDays(-3).toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
    QCOMPARE(at(1, IdentityMapModel::CalCom, Qt::ToolTipRole).toString(),
             QStringLiteral("No Cal.com attendee is linked to this client."));
    QCOMPARE(at(1, IdentityMapModel::HubSpot, Qt::AccessibleTextRole).toString(),
             QStringLiteral("HubSpot: not linked"));
    QCOMPARE(model.headerData(IdentityMapModel::QuickBooks, Qt::Horizontal).toString(),
             QStringLiteral("QuickBooks"));
    QCOMPARE(model.headerData(IdentityMapModel::CalCom, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("The client's Cal.com attendee, or “not linked”"));
}

void TestCustomersPage::identityMapFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("links");
    QTest::addColumn<QStringList>("expected"); // names, sorted by name

    const auto all = int(LinkFilter::All);
    QTest::newRow("everyone") << QString() << all << QStringList { QStringLiteral("Ana Lopez"),
                                                                   QStringLiteral("Ben Okafor"),
                                                                   QStringLiteral("Cleo Park"),
                                                                   QStringLiteral("Dana Whitfeld"),
                                                                   QStringLiteral("Dana Whitfield"),
                                                                   QStringLiteral("eve Stone") };
    QTest::newRow("name, any case")
        << QStringLiteral("DANA") << all
        << QStringList { QStringLiteral("Dana Whitfeld"), QStringLiteral("Dana Whitfield") };
    QTest::newRow("every word") << QStringLiteral("dana whitfie") << all
                                << QStringList { QStringLiteral("Dana Whitfield") };
    QTest::newRow("email") << QStringLiteral("dana.w@") << all
                           << QStringList { QStringLiteral("Dana Whitfeld") };
    QTest::newRow("phone as digits")
        << QStringLiteral("5550300") << all << QStringList { QStringLiteral("Cleo Park") };
    QTest::newRow("linked record id")
        << QStringLiteral("977") << all << QStringList { QStringLiteral("Dana Whitfeld") };
    QTest::newRow("concord id") << QStringLiteral("cus_02") << all
                                << QStringList { QStringLiteral("Ben Okafor") };
    QTest::newRow("nothing") << QStringLiteral("zzz") << all << QStringList {};
    QTest::newRow("not in QuickBooks")
        << QString() << int(LinkFilter::MissingQuickBooks)
        << QStringList { QStringLiteral("Ben Okafor"), QStringLiteral("Cleo Park") };
    QTest::newRow("not in Cal.com")
        << QString() << int(LinkFilter::MissingCalCom)
        << QStringList { QStringLiteral("Ben Okafor"), QStringLiteral("Cleo Park"),
                         QStringLiteral("Dana Whitfield"), QStringLiteral("eve Stone") };
    QTest::newRow("not in HubSpot")
        << QString() << int(LinkFilter::MissingHubSpot)
        << QStringList { QStringLiteral("Ben Okafor"), QStringLiteral("eve Stone") };
    QTest::newRow("missing any, with text") << QStringLiteral("dana") << int(LinkFilter::MissingAny)
                                            << QStringList { QStringLiteral("Dana Whitfield") };
    QTest::newRow("in all three") << QString() << int(LinkFilter::LinkedEverywhere)
                                  << QStringList { QStringLiteral("Ana Lopez"),
                                                   QStringLiteral("Dana Whitfeld") };
}

void TestCustomersPage::identityMapFilter()
{
    QFETCH(QString, text);
    QFETCH(int, links);
    QFETCH(QStringList, expected);
    CustomersPage page;
    page.setIdentityMap(sampleMap());
    page.clientSearch()->setText(text);
    page.linkFilter()->setCurrentIndex(page.linkFilter()->findData(links));
    QCOMPARE(namesInView(*page.identityProxy()), expected);
    const bool filtering = !text.isEmpty() || links != int(LinkFilter::All);
    QCOMPARE(page.identityProxy()->isFiltering(), filtering);
    if (filtering)
        QCOMPARE(page.clientsCountText(),
                 QStringLiteral("%1 of 6 clients shown").arg(expected.size()));
    QCOMPARE(page.isShowingClientsPlaceholder(), expected.isEmpty());
    if (expected.isEmpty())
        QCOMPARE(page.clientsPlaceholderText(),
                 QStringLiteral("No client matches the search and filter."));
}

void TestCustomersPage::identityMapSort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("name ascending, any case")
        << int(IdentityMapModel::Name) << int(Qt::AscendingOrder)
        << QStringList { QStringLiteral("Ana Lopez"),      QStringLiteral("Ben Okafor"),
                         QStringLiteral("Cleo Park"),      QStringLiteral("Dana Whitfeld"),
                         QStringLiteral("Dana Whitfield"), QStringLiteral("eve Stone") };
    QTest::newRow("name descending")
        << int(IdentityMapModel::Name) << int(Qt::DescendingOrder)
        << QStringList { QStringLiteral("eve Stone"),     QStringLiteral("Dana Whitfield"),
                         QStringLiteral("Dana Whitfeld"), QStringLiteral("Cleo Park"),
                         QStringLiteral("Ben Okafor"),    QStringLiteral("Ana Lopez") };
    // Numeric ids as numbers ("100" after "75"), the unlinked last.
    QTest::newRow("QuickBooks id ascending")
        << int(IdentityMapModel::QuickBooks) << int(Qt::AscendingOrder)
        << QStringList { QStringLiteral("Ana Lopez"),     QStringLiteral("Dana Whitfield"),
                         QStringLiteral("Dana Whitfeld"), QStringLiteral("eve Stone"),
                         QStringLiteral("Ben Okafor"),    QStringLiteral("Cleo Park") };
    QTest::newRow("email ascending, none last")
        << int(IdentityMapModel::Email) << int(Qt::AscendingOrder)
        << QStringList { QStringLiteral("Ana Lopez"),      QStringLiteral("Dana Whitfeld"),
                         QStringLiteral("Dana Whitfield"), QStringLiteral("eve Stone"),
                         QStringLiteral("Ben Okafor"),     QStringLiteral("Cleo Park") };
    QTest::newRow("phone descending")
        << int(IdentityMapModel::Phone) << int(Qt::DescendingOrder)
        << QStringList { QStringLiteral("Ben Okafor"), QStringLiteral("Dana Whitfeld"),
                         QStringLiteral("eve Stone"),  QStringLiteral("Dana Whitfield"),
                         QStringLiteral("Cleo Park"),  QStringLiteral("Ana Lopez") };
}

void TestCustomersPage::identityMapSort()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, expected);
    CustomersPage page;
    page.setIdentityMap(sampleMap());
    // Through the header, as a click does.
    page.clientsView()->sortByColumn(column, Qt::SortOrder(order));
    QCOMPARE(namesInView(*page.identityProxy()), expected);
    QCOMPARE(page.identityProxy()->sortColumn(), column);
    // Filtering keeps the order.
    page.clientSearch()->setText(QStringLiteral("a"));
    QStringList filtered = expected;
    filtered.removeIf(
        [](const QString &name) { return !name.contains(QLatin1Char('a'), Qt::CaseInsensitive); });
    QCOMPARE(namesInView(*page.identityProxy()), filtered);
}

void TestCustomersPage::sortKeepsTheCurrentClient()
{
    CustomersPage page;
    page.setIdentityMap(sampleMap());
    QTableView *view = page.clientsView();
    view->setCurrentIndex(page.identityProxy()->index(
        page.identityProxy()->rowForCustomer(QStringLiteral("cus_03")), 0));
    view->sortByColumn(IdentityMapModel::Name, Qt::DescendingOrder);
    QCOMPARE(view->currentIndex().data(IdentityMapModel::IdRole).toString(),
             QStringLiteral("cus_03"));
    QCOMPARE(view->currentIndex().row(), 3);
    // A filter that keeps it, and a fresh snapshot, keep it current too.
    page.clientSearch()->setText(QStringLiteral("park"));
    QCOMPARE(view->currentIndex().data(IdentityMapModel::IdRole).toString(),
             QStringLiteral("cus_03"));
    page.clientSearch()->clear();
    page.setIdentityMap(sampleMap());
    QCOMPARE(view->currentIndex().data(IdentityMapModel::IdRole).toString(),
             QStringLiteral("cus_03"));
}

void TestCustomersPage::emptyAndLoadingStates()
{
    CustomersPage page;
    QVERIFY(page.isShowingClientsPlaceholder());
    QCOMPARE(page.clientsPlaceholderText(),
             QStringLiteral("The clients are shown once the store is open."));
    QVERIFY(page.isShowingDuplicatesPlaceholder());
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("&Clients"));

    QSignalSpy mapRequests(&page, &CustomersPage::identityMapRequested);
    QSignalSpy reviewRequests(&page, &CustomersPage::duplicatesRequested);
    page.requestVisibleData();
    QCOMPARE(mapRequests.count(), 1);
    QCOMPARE(page.clientsCountText(), QStringLiteral("Loading…"));
    QCOMPARE(page.clientsPlaceholderText(), QStringLiteral("Reading the clients…"));
    // Switching to a tab never loaded asks for it.
    page.setCurrentTab(CustomersPage::Tab::Duplicates);
    QCOMPARE(reviewRequests.count(), 1);
    QCOMPARE(page.duplicatesPlaceholderText(), QStringLiteral("Reading the duplicate review…"));

    page.setIdentityMap({});
    page.setDuplicateReview({});
    QCOMPARE(page.clientsPlaceholderText(),
             QStringLiteral("No clients yet. They appear here once Concord has read HubSpot, "
                            "QuickBooks or Cal.com, "
                            "or after an import."));
    QVERIFY(page.isShowingDuplicatesPlaceholder());
    QVERIFY(page.duplicatesPlaceholderText().startsWith(
        QStringLiteral("No possible duplicates to review.")));
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("&Clients (0)"));
    QCOMPARE(page.tabs()->tabText(1), QStringLiteral("&Duplicates"));
    QVERIFY(page.currentItemKey().isEmpty());

    page.setIdentityMap(sampleMap());
    page.setDuplicateReview(sampleReview());
    QVERIFY(!page.isShowingClientsPlaceholder());
    QVERIFY(!page.isShowingDuplicatesPlaceholder());
    QCOMPARE(page.clientsCountText(),
             QStringLiteral("6 clients · 4 in HubSpot · 4 in QuickBooks · 2 in Cal.com"));
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("&Clients (6)"));
    QCOMPARE(page.tabs()->tabText(1), QStringLiteral("&Duplicates (4)"));
    // The first item is shown without asking.
    QCOMPARE(page.currentItemKey(), QStringLiteral("proposal/7"));
}

void TestCustomersPage::duplicateListWording()
{
    DuplicateListModel model;
    model.setReview(sampleReview());
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column)
            cells << model.index(row, column).data().toString();
        rows << cells.join(QStringLiteral(" | "));
    }
    QCOMPARE(rows,
             (QStringList {
                 QStringLiteral("Gus Hall · Gus Hal | 88% | Waiting for an owner"),
                 QStringLiteral("Ian Roe · Ian Rowe | 88% | Waiting for an owner"),
                 QStringLiteral("Dana Whitfield · Dana Whitfeld | 93% | To review"),
                 QStringLiteral("Fay Ng · Faye Ng | 61% | To review"),
                 QStringLiteral("Eve Stone · Eve Stone-Marsh | 88% | Merged"),
                 QStringLiteral("Ian Roe · Ian Rowe | 88% | Rejected"),
             }));
    QCOMPARE(model.index(2, DuplicateListModel::Likelihood).data(Qt::ToolTipRole).toString(),
             QStringLiteral("93% likely the same person"));
    QCOMPARE(model.index(5, 0, {}).data(DuplicateListModel::IdRole).toString(),
             QStringLiteral("proposal/3"));
    QCOMPARE(model.index(5, 0).data(Qt::ForegroundRole).value<QBrush>().color(),
             Theme::mutedText());
    QVERIFY(model.index(5, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Note: “two people”")));
}

void TestCustomersPage::comparisonShowsEvidencePerField()
{
    CustomersPage page;
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    QCOMPARE(page.currentTab(), CustomersPage::Tab::Duplicates);
    QCOMPARE(page.detailTitle(), QStringLiteral("Dana Whitfield · Dana Whitfeld"));
    QVERIFY(page.detailStatus().startsWith(
        QStringLiteral("93% likely the same person. Found by the duplicate scan on ")));
    DuplicateComparisonView *view = page.comparison();
    QCOMPARE(view->cellText(QStringLiteral("email"), 0), QStringLiteral("dana@example.com"));
    QCOMPARE(view->cellText(QStringLiteral("email"), 1), QStringLiteral("dana.w@example.com"));
    QCOMPARE(view->cellText(QStringLiteral("link:hubspot"), 1), QStringLiteral("977"));
    QCOMPARE(view->cellText(QStringLiteral("link:calcom"), 0), QString());
    QCOMPARE(view->evidenceText(QStringLiteral("email")),
             QStringLiteral("✓ same mailbox name at another domain (dana@example.com / "
                            "dana.w@example.com) · weak"));
    QCOMPARE(view->evidenceText(QStringLiteral("givenName")),
             QStringLiteral("✓ same given name · good"));
    QCOMPARE(view->evidenceText(QStringLiteral("familyName")),
             QStringLiteral("✓ family name differs by a typo (whitfield / whitfeld) · weak"));
    QCOMPARE(view->evidenceText(QStringLiteral("phone")), QString());
    QCOMPARE(
        view->otherEvidenceText(),
        QStringLiteral(
            "Also compared:\n✗ different date of birth (2015-03-02 / 2015-03-20) · counts against\n"
            "Matcher: names agree; the emails share a mailbox name"));
    // Radios only where the values differ; the one-sided phone can still be kept.
    QVERIFY(view->choiceButton(QStringLiteral("email"), 0));
    QVERIFY(view->choiceButton(QStringLiteral("familyName"), 1));
    QVERIFY(!view->choiceButton(QStringLiteral("givenName"), 0));
    QVERIFY(view->choiceButton(QStringLiteral("phone"), 0));
    QVERIFY(!view->choiceButton(QStringLiteral("phone"), 1)); // nothing to keep
    QCOMPARE(view->choiceButton(QStringLiteral("email"), 1)->accessibleName(),
             QStringLiteral("Keep email dana.w@example.com from Dana Whitfeld"));
    QVERIFY(view->survivorButton(0)->isChecked());
    QCOMPARE(view->survivorButton(1)->accessibleName(),
             QStringLiteral("Keep the record of Dana Whitfeld; the other merges into it"));

    // What the merge would do, grouped by whether it can be undone.
    const QString plan = page.planText();
    QVERIFY2(
        plan.startsWith(QStringLiteral("Dana Whitfield is kept; Dana Whitfeld is merged into it.\n"
                                       "Cannot be undone:\n• QuickBooks has no merge API")),
        qPrintable(plan));
    QVERIFY(plan.contains(QStringLiteral(
        "• HubSpot: contact 977 is merged into contact 905 — HubSpot cannot undo a merge")));
    QVERIFY(plan.contains(
        QStringLiteral("A person can reverse these in QuickBooks or HubSpot:\n"
                       "• QuickBooks: open invoices of customer 75 are moved to customer 61")));
    QVERIFY(
        plan.contains(QStringLiteral("In Concord only (Undo merge restores these):\n• Concord: ")));

    // The caveat of a name-only pair.
    QVERIFY(page.selectItem(QStringLiteral("candidate/13")));
    QVERIFY(page.comparison()->otherEvidenceText().contains(
        QStringLiteral("Only the names agree: check another detail before merging.")));
    QVERIFY(page.planText().contains(QStringLiteral("Nothing in this merge is irreversible.")));
}

void TestCustomersPage::proposalShowsItsChoicesReadOnly()
{
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("oscar"));
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    QVERIFY(!page.currentDraft());
    DuplicateComparisonView *view = page.comparison();
    QVERIFY(!view->survivorButton(0));
    QVERIFY(!view->choiceButton(QStringLiteral("email"), 1));
    auto *kept = view->findChild<QLabel *>(QStringLiteral("cell_email_1"));
    QVERIFY(kept);
    QCOMPARE(kept->text(), QStringLiteral("✓ gus@new.org"));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("cell_familyName_0"))->text(),
             QStringLiteral("✓ Hall"));
    QCOMPARE(view->findChild<QLabel *>(QStringLiteral("survivorBadge_0"))->text(),
             QStringLiteral("✓ Survives"));
    QVERIFY(page.detailStatus().contains(QStringLiteral("Proposed by mona on ")));
    QVERIFY(
        page.planText().startsWith(QStringLiteral("Gus Hall is kept; Gus Hal is merged into it.")));
    QVERIFY(page.planText().contains(
        QStringLiteral("• QuickBooks Online: record 70 takes the chosen email")));
    // The undo/redo of choices belongs to candidates only.
    QVERIFY(!page.undoGroup()->activeStack());
    QVERIFY(!page.undoChoiceAction()->isEnabled());
}

void TestCustomersPage::choosingValuesIsUndoable()
{
    CustomersPage page;
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    DuplicateMergeDraft *draft = page.currentDraft();
    QVERIFY(draft);
    QCOMPARE(page.undoGroup()->activeStack(), draft->undoStack());
    QCOMPARE(draft->choice(QStringLiteral("email")), 0);
    QVERIFY(!page.undoChoiceAction()->isEnabled());

    QRadioButton *theirEmail = page.comparison()->choiceButton(QStringLiteral("email"), 1);
    QVERIFY(theirEmail->isEnabled());
    theirEmail->click();
    QCOMPARE(draft->choice(QStringLiteral("email")), 1);
    QCOMPARE(draft->chosenValue(QStringLiteral("email")), QStringLiteral("dana.w@example.com"));
    QVERIFY(page.undoChoiceAction()->isEnabled());
    QCOMPARE(page.undoChoiceAction()->text(),
             QStringLiteral("Undo keep email “dana.w@example.com”"));
    QCOMPARE(draft->undoStack()->count(), 1);
    // The plan follows: the survivor's records take the chosen email.
    QVERIFY(page.planText().contains(
        QStringLiteral("QuickBooks Online: record 61 takes the chosen email")));

    page.undoChoiceAction()->trigger();
    QCOMPARE(draft->choice(QStringLiteral("email")), 0);
    QVERIFY(page.comparison()->choiceButton(QStringLiteral("email"), 0)->isChecked());
    QVERIFY(!theirEmail->isChecked());
    QVERIFY(!page.planText().contains(QStringLiteral("takes the chosen")));
    page.redoChoiceAction()->trigger();
    QCOMPARE(draft->choice(QStringLiteral("email")), 1);
    QVERIFY(theirEmail->isChecked());

    // Keeping the other record keeps its values too, except what was picked.
    page.comparison()->survivorButton(1)->click();
    QCOMPARE(draft->survivorId(), QStringLiteral("cus_05"));
    QCOMPARE(draft->choice(QStringLiteral("familyName")), 1);
    QCOMPARE(draft->choice(QStringLiteral("email")), 1);
    QCOMPARE(draft->choice(QStringLiteral("phone")), 0); // only Dana Whitfield has one
    QVERIFY(page.planText().startsWith(
        QStringLiteral("Dana Whitfeld is kept; Dana Whitfield is merged into it.")));
    page.undoChoiceAction()->trigger();
    QCOMPARE(draft->survivorId(), QStringLiteral("cus_04"));
    QCOMPARE(draft->choice(QStringLiteral("familyName")), 0);
    QVERIFY(page.comparison()->survivorButton(0)->isChecked());
    QCOMPARE(draft->undoStack()->index(), 1);

    // Another candidate has its own history; coming back finds this one.
    QVERIFY(page.selectItem(QStringLiteral("candidate/13")));
    QVERIFY(!page.undoChoiceAction()->isEnabled());
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    QCOMPARE(page.currentDraft(), draft);
    QVERIFY(page.comparison()->choiceButton(QStringLiteral("email"), 1)->isChecked());
    QVERIFY(page.undoChoiceAction()->isEnabled());
}

void TestCustomersPage::keyboardChoosesAndUndoes()
{
    CustomersPage page;
    page.resize(1280, 800);
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    page.show();
    QVERIFY(QTest::qWaitForWindowActive(&page));
    DuplicateMergeDraft *draft = page.currentDraft();
    QRadioButton *ours = page.comparison()->choiceButton(QStringLiteral("familyName"), 0);
    ours->setFocus();
    QTRY_VERIFY(ours->hasFocus());
    // The arrow moves within the field's buttons and chooses.
    QTest::keyClick(ours, Qt::Key_Right);
    QCOMPARE(draft->choice(QStringLiteral("familyName")), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(draft->choice(QStringLiteral("familyName")), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(draft->choice(QStringLiteral("familyName")), 1);
    // Alt+P opens the proposal.
    DialogCatcher dialogs(page);
    QTest::keyClick(&page, Qt::Key_P, Qt::AltModifier);
    QTRY_COMPARE(dialogs.count(), 1); // a mnemonic clicks after a short animation
    QCOMPARE(dialogs.last()->objectName(), QStringLiteral("proposeDialog"));
}

void TestCustomersPage::officeManagerProposes()
{
    CustomersPage page;
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    DialogCatcher dialogs(page);
    QSignalSpy proposed(&page, &CustomersPage::proposeRequested);
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    QVERIFY(page.proposeButton()->isVisible() || !page.isVisible());
    QVERIFY(page.proposeButton()->isEnabled());
    QVERIFY(page.approveButton()->isHidden());
    QVERIFY(page.rejectButton()->isHidden());

    page.comparison()->choiceButton(QStringLiteral("email"), 1)->click();
    page.comparison()->choiceButton(QStringLiteral("familyName"), 1)->click();
    page.proposeButton()->click();
    QCOMPARE(dialogs.count(), 1);
    QCOMPARE(dialogs.last()->objectName(), QStringLiteral("proposeDialog"));
    QCOMPARE(
        dialogs.text(QStringLiteral("chosenValues")),
        QStringLiteral("• Display name: Dana Whitfield\n• Given name: Dana\n"
                       "• Family name: Whitfeld (from Dana Whitfeld)\n"
                       "• Email: dana.w@example.com (from Dana Whitfeld)\n• Phone: +1 555 0400"));
    const DuplicateReviewItem *item = page.currentItem();
    auto plan = previewMerge(*item, QStringLiteral("cus_04"));
    QVERIFY(plan);
    QCOMPARE(dialogs.text(QStringLiteral("irreversibleText")),
             QStringLiteral("Once approved, these cannot be undone:\n• %1\n• %2")
                 .arg(plan->irreversible().at(0), plan->irreversible().at(1)));
    dialogs.last()
        ->findChild<QLineEdit *>(QStringLiteral("noteEdit"))
        ->setText(QStringLiteral("  same parent  "));
    QVERIFY(proposed.isEmpty());
    dialogs.confirm()->click();

    QCOMPARE(proposed.count(), 1);
    const auto sent = proposed.first().first().value<MergeProposal>();
    QCOMPARE(sent.survivorId, QStringLiteral("cus_04"));
    QCOMPARE(sent.mergedIds, QList<QString> { QStringLiteral("cus_05") });
    QCOMPARE(sent.fieldChoicesJson,
             QStringLiteral(R"({"email":"dana.w@example.com","familyName":"Whitfeld"})"));
    QCOMPARE(sent.evidenceJson, kDanaEvidenceJson);
    QCOMPARE(sent.note, QStringLiteral("same parent"));
    QVERIFY(sent.proposedBy.isEmpty()); // core records who
    QVERIFY(page.isBusy());
    QCOMPARE(page.messageText(),
             QStringLiteral("Proposing to merge Dana Whitfeld into Dana Whitfield…"));
}

void TestCustomersPage::ownerApprovesAfterSeeingWhatCannotBeUndone()
{
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("oscar"));
    DialogCatcher dialogs(page);
    QSignalSpy decided(&page, &CustomersPage::decisionRequested);
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    QVERIFY(page.approveButton()->isEnabled());
    QVERIFY(page.rejectButton()->isEnabled());
    QVERIFY(page.proposeButton()->isHidden());
    QVERIFY(page.undoMergeButton()->isHidden());

    page.approveButton()->click();
    QCOMPARE(dialogs.count(), 1);
    QCOMPARE(dialogs.last()->objectName(), QStringLiteral("approveDialog"));
    const DuplicateReviewData review = sampleReview();
    const DuplicateReviewItem &gus = review.items.at(0);
    QCOMPARE(gus.plan.irreversible().size(), 2);
    const QString warning = dialogs.text(QStringLiteral("irreversibleText"));
    QCOMPARE(
        warning,
        QStringLiteral("These cannot be undone — not by Undo merge, not by anyone:\n• %1\n• %2")
            .arg(irreversibleOf(gus, 0), irreversibleOf(gus, 1)));
    QVERIFY(warning.contains(QStringLiteral(
        "HubSpot: contact 941 is merged into contact 940 — HubSpot cannot undo a merge")));
    QVERIFY(warning.contains(QStringLiteral("QuickBooks has no merge API")));
    QVERIFY(dialogs.text(QStringLiteral("reversibleText"))
                .contains(QStringLiteral(
                    "• QuickBooks: customer 71 is made inactive (it can be made active again)")));
    // Consent first: the confirm button waits for it.
    QVERIFY(!dialogs.confirm()->isEnabled());
    dialogs.last()->findChild<QCheckBox *>(QStringLiteral("understoodCheck"))->setChecked(true);
    QVERIFY(dialogs.confirm()->isEnabled());
    dialogs.last()
        ->findChild<QLineEdit *>(QStringLiteral("noteEdit"))
        ->setText(QStringLiteral("checked with mona"));
    dialogs.confirm()->click();
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.first(),
             (QVariantList { qint64(7), true, QStringLiteral("checked with mona") }));
    QVERIFY(page.isBusy());
    QVERIFY(page.messageText().startsWith(QStringLiteral("Merging Gus Hal into Gus Hall")));
}

void TestCustomersPage::approveCancelledSendsNothing()
{
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("oscar"));
    DialogCatcher dialogs(page);
    QSignalSpy decided(&page, &CustomersPage::decisionRequested);
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    page.approveCurrent();
    QVERIFY(dialogs.last());
    dialogs.last()->reject();
    QVERIFY(decided.isEmpty());
    QVERIFY(!page.isBusy());
}

void TestCustomersPage::ownerRejectsWithNote()
{
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("oscar"));
    DialogCatcher dialogs(page);
    QSignalSpy decided(&page, &CustomersPage::decisionRequested);
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    page.rejectButton()->click();
    QCOMPARE(dialogs.last()->objectName(), QStringLiteral("rejectDialog"));
    QVERIFY(!dialogs.confirm()->isEnabled()); // a note is required
    auto *note = dialogs.last()->findChild<QLineEdit *>(QStringLiteral("noteEdit"));
    note->setText(QStringLiteral("   "));
    QVERIFY(!dialogs.confirm()->isEnabled());
    note->setText(QStringLiteral("brothers, not one person"));
    QVERIFY(dialogs.confirm()->isEnabled());
    dialogs.confirm()->click();
    QCOMPARE(decided.count(), 1);
    QCOMPARE(decided.first(),
             (QVariantList { qint64(7), false, QStringLiteral("brothers, not one person") }));
}

void TestCustomersPage::officeManagerCannotDecide()
{
    CustomersPage page;
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    DialogCatcher dialogs(page);
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    const QString reason = QStringLiteral("Only an owner can approve, reject or undo merges.");
    QCOMPARE(CustomersPage::permissionReason(Permission::ApproveMerge), reason);
    QVERIFY(!page.approveButton()->isHidden());
    QVERIFY(!page.approveButton()->isEnabled());
    QCOMPARE(page.approveButton()->toolTip(), reason);
    QVERIFY(!page.rejectButton()->isEnabled());
    QCOMPARE(page.rejectButton()->toolTip(), reason);
    QCOMPARE(page.permissionNoteText(), QStringLiteral("You can look, not act: ") + reason);
    page.approveCurrent(); // even when called directly
    QCOMPARE(dialogs.count(), 0);
    QVERIFY(page.selectItem(QStringLiteral("proposal/5")));
    QVERIFY(!page.undoMergeButton()->isEnabled());
    QCOMPARE(page.undoMergeButton()->toolTip(), reason);
}

void TestCustomersPage::proposerCannotApproveOwnProposal()
{
    // AdminCommands::decideMerge refuses the proposer's own approval (four
    // eyes) but lets them reject (withdraw) it; the page says so up front.
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("olivia"));
    QVERIFY(page.selectItem(QStringLiteral("proposal/9")));
    QVERIFY(!page.approveButton()->isEnabled());
    QCOMPARE(page.approveButton()->toolTip(),
             QStringLiteral("You proposed this merge: another owner must approve it."));
    QVERIFY(page.rejectButton()->isEnabled());
    QCOMPARE(page.permissionNoteText(),
             QStringLiteral(
                 "You proposed this merge: another owner approves it. You can still reject it."));
    // Another owner's proposal is hers to approve.
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    QVERIFY(page.approveButton()->isEnabled());
    QVERIFY(page.permissionNoteText().isEmpty());
}

void TestCustomersPage::viewerCannotChoose()
{
    CustomersPage page;
    load(page, Role::Viewer, QStringLiteral("vic"));
    DialogCatcher dialogs(page);
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    const QString reason = QStringLiteral("Only an office manager or owner can propose merges.");
    QVERIFY(!page.proposeButton()->isEnabled());
    QCOMPARE(page.proposeButton()->toolTip(), reason);
    QRadioButton *radio = page.comparison()->choiceButton(QStringLiteral("email"), 1);
    QVERIFY(!radio->isEnabled());
    QCOMPARE(radio->toolTip(), reason);
    QVERIFY(!page.comparison()->survivorButton(1)->isEnabled());
    QCOMPARE(page.permissionNoteText(), QStringLiteral("You can look, not act: ") + reason);
    page.proposeCurrent();
    QCOMPARE(dialogs.count(), 0);
    // A bookkeeper neither.
    page.setActor(Role::Bookkeeper, QStringLiteral("bea"));
    QVERIFY(!page.proposeButton()->isEnabled());
    page.setActor(Role::Owner, QStringLiteral("olivia"));
    QVERIFY(page.proposeButton()->isEnabled());
    QVERIFY(radio->isEnabled());
}

void TestCustomersPage::undoMergeSaysWhatStays()
{
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("oscar"));
    DialogCatcher dialogs(page);
    QSignalSpy undo(&page, &CustomersPage::undoRequested);
    QSignalSpy mapRequests(&page, &CustomersPage::identityMapRequested);
    QSignalSpy reviewRequests(&page, &CustomersPage::duplicatesRequested);
    QVERIFY(page.selectItem(QStringLiteral("proposal/5")));
    QVERIFY(page.undoMergeButton()->isEnabled());
    QVERIFY(page.approveButton()->isHidden());
    QVERIFY(page.planText().startsWith(
        QStringLiteral("Eve Stone-Marsh was merged into Eve Stone. Undo merge restores "
                       "Concord's identity map only")));
    page.undoMergeButton()->click();
    QCOMPARE(dialogs.last()->objectName(), QStringLiteral("undoMergeDialog"));
    const DuplicateReviewData review = sampleReview();
    const DuplicateReviewItem &eve = review.items.at(4);
    const QString text = dialogs.text(QStringLiteral("undoText"));
    QVERIFY2(text.startsWith(QStringLiteral(
                 "Only Concord's identity map is restored: the linked records go back to "
                 "Eve Stone-Marsh, Eve Stone-Marsh becomes an active client again, and Eve "
                 "Stone gets back its name as it was.")),
             qPrintable(text));
    QStringList kept;
    for (const QString &step : eve.remoteStepsKeptOnUndo())
        kept << QStringLiteral("• ") + step;
    QVERIFY(text.contains(
        QStringLiteral("Nothing is reversed in QuickBooks or HubSpot. These stay as they are:\n")
        + kept.join(QLatin1Char('\n'))));
    QVERIFY(text.contains(QStringLiteral("Of these, nobody can undo:\n• %1\n• %2")
                              .arg(irreversibleOf(eve, 0), irreversibleOf(eve, 1))));
    dialogs.confirm()->click();
    QCOMPARE(undo.count(), 1);
    QCOMPARE(undo.first().first().toLongLong(), 5);
    QVERIFY(page.isBusy());
    page.showDone(QStringLiteral("Merge undone in Concord."));
    QVERIFY(!page.isBusy());
    QCOMPARE(page.messageText(), QStringLiteral("Merge undone in Concord."));
    // The identity map changed too: both are read again.
    QCOMPARE(mapRequests.count(), 1);
    QCOMPARE(reviewRequests.count(), 1);
}

void TestCustomersPage::busyUntilAnswered()
{
    CustomersPage page;
    load(page, Role::Owner, QStringLiteral("oscar"));
    DialogCatcher dialogs(page);
    QSignalSpy decided(&page, &CustomersPage::decisionRequested);
    QSignalSpy mapRequests(&page, &CustomersPage::identityMapRequested);
    QSignalSpy reviewRequests(&page, &CustomersPage::duplicatesRequested);
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    page.rejectCurrent();
    dialogs.last()
        ->findChild<QLineEdit *>(QStringLiteral("noteEdit"))
        ->setText(QStringLiteral("no"));
    dialogs.confirm()->click();
    QVERIFY(page.isBusy());
    auto *progress = page.findChild<QProgressBar *>(QStringLiteral("busyIndicator"));
    QVERIFY(progress && !progress->isHidden());
    const QString waiting = QStringLiteral("Waiting for the last action to finish.");
    QVERIFY(!page.approveButton()->isEnabled());
    QCOMPARE(page.approveButton()->toolTip(), waiting);
    QVERIFY(!page.refreshButton()->isEnabled());
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    QVERIFY(!page.proposeButton()->isEnabled());
    QCOMPARE(page.proposeButton()->toolTip(), waiting);
    QVERIFY(!page.comparison()->choiceButton(QStringLiteral("email"), 1)->isEnabled());
    page.rejectCurrent(); // ignored while busy
    QCOMPARE(dialogs.count(), 1);

    page.showFailure(QStringLiteral("merge proposal 7 is approved, not proposed"));
    QVERIFY(!page.isBusy());
    QVERIFY(progress->isHidden());
    QCOMPARE(page.messageText(), QStringLiteral("merge proposal 7 is approved, not proposed"));
    QVERIFY(page.proposeButton()->isEnabled());
    QVERIFY(page.refreshButton()->isEnabled());
    QCOMPARE(decided.count(), 1);
    // A failure reads nothing again; a refresh reads both.
    QCOMPARE(mapRequests.count(), 0);
    QCOMPARE(reviewRequests.count(), 0);
    page.refreshButton()->click();
    QCOMPARE(mapRequests.count(), 1);
    QCOMPARE(reviewRequests.count(), 1);
}

void TestCustomersPage::snapshotKeepsDraftsAndFollowsTheProposal()
{
    CustomersPage page;
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    DialogCatcher dialogs(page);
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    page.comparison()->choiceButton(QStringLiteral("email"), 1)->click();
    QPointer<DuplicateMergeDraft> draft = page.currentDraft();

    // The same review again: the draft and its history stay.
    page.setDuplicateReview(sampleReview());
    QCOMPARE(page.currentItemKey(), QStringLiteral("candidate/12"));
    QCOMPARE(page.currentDraft(), draft);
    QCOMPARE(draft->choice(QStringLiteral("email")), 1);
    QVERIFY(page.comparison()->choiceButton(QStringLiteral("email"), 1)->isChecked());
    QVERIFY(page.undoChoiceAction()->isEnabled());

    // Proposed: the candidate is now a proposal, which is shown.
    page.proposeCurrent();
    dialogs.confirm()->click();
    page.showDone(QStringLiteral("Proposed."));
    DuplicateReviewData next = sampleReview();
    next.items.removeAt(2);
    DuplicateReviewItem proposal = proposalItem(
        11, MergeState::Proposed, QStringLiteral("mona"), person(QStringLiteral("cus_04")),
        person(QStringLiteral("cus_05")), QStringLiteral("{}"));
    proposal.candidateId = 12;
    next.items.insert(2, proposal);
    page.setDuplicateReview(next);
    QCOMPARE(page.currentItemKey(), QStringLiteral("proposal/11"));
    QVERIFY(!page.currentDraft());
    QVERIFY(draft.isNull()); // its pair left the review, and its history with it
    QVERIFY(page.undoGroup()->stacks().isEmpty()); // only candidate/12 had been opened
}

void TestCustomersPage::render()
{
    // Renders the page for a person to look at:
    //   CONCORD_UI_RENDER_DIR=/tmp ctest -R customerspage
    // Without it, into the system's temporary folder.
    QString dir = qEnvironmentVariable("CONCORD_UI_RENDER_DIR");
    if (dir.isEmpty())
        dir = QDir::tempPath();
    Theme::apply(*qApp);
    const auto save = [&dir](QWidget &widget, const QString &name) {
        // Layouts settle in posted events: wait until the comparison has the
        // height its rows need before taking the picture.
        if (auto *comparison = widget.findChild<DuplicateComparisonView *>();
            comparison && comparison->isVisible())
            QTRY_VERIFY(comparison->height() >= comparison->minimumSizeHint().height());
        QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
    };

    CustomersPage empty;
    empty.resize(1280, 800);
    empty.setIdentityMap({});
    empty.setDuplicateReview({});
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    save(empty, QStringLiteral("customers-empty.png"));
    empty.setCurrentTab(CustomersPage::Tab::Duplicates);
    save(empty, QStringLiteral("customers-empty-duplicates.png"));
    empty.hide();

    CustomersPage page;
    page.resize(1280, 800);
    load(page, Role::OfficeManager, QStringLiteral("mona"));
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setCurrentTab(CustomersPage::Tab::Clients);
    page.clientsView()->setCurrentIndex(page.identityProxy()->index(2, 0));
    save(page, QStringLiteral("customers-clients.png"));
    QVERIFY(page.selectItem(QStringLiteral("candidate/12")));
    page.comparison()->choiceButton(QStringLiteral("email"), 1)->click();
    save(page, QStringLiteral("customers-duplicates.png"));
    page.setActor(Role::Owner, QStringLiteral("oscar"));
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    save(page, QStringLiteral("customers-proposal.png"));
    QVERIFY(page.selectItem(QStringLiteral("proposal/5")));
    page.showDone(QStringLiteral("Merged Gus Hal into Gus Hall."));
    save(page, QStringLiteral("customers-executed.png"));

    DialogCatcher dialogs(page);
    QVERIFY(page.selectItem(QStringLiteral("proposal/7")));
    page.approveCurrent();
    QVERIFY(dialogs.last());
    dialogs.last()->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialogs.last()));
    save(*dialogs.last(), QStringLiteral("customers-approve-dialog.png"));
    dialogs.last()->reject();
}

QTEST_MAIN(TestCustomersPage)
#include "tst_customerspage.moc"
