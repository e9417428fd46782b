#include "settingspage.h"

#include "common/config.h"
#include "roletext.h"
#include "connectionindicator.h"
#include "pageheader.h"
#include "security/permissions.h"
#include "userdialog.h"
#include "userstablemodel.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace Concord::Ui {

using Domain::Connection;
using Domain::ConnectionState;
using Domain::Role;
using Domain::System;
using Domain::User;
using Services::AuthKind;

namespace {

constexpr int kDotDiameter = 10;


void styleBanner(QWidget *banner, const QString &objectName, Theme::Tone tone)
{
    banner->setObjectName(objectName);
    banner->setStyleSheet(QStringLiteral("#%1 { background: %2; color: %3; border: 1px solid %4;"
                                         " border-radius: 6px; }"
                                         " #%1 QLabel { color: %3; }")
                              .arg(objectName, Theme::toneBackground(tone).name(), Theme::toneText(tone).name(),
                                   Theme::toneColor(tone).name()));
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("fieldLabel"));
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QLabel *value(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

void colour(QLabel *label, Theme::Tone tone)
{
    label->setStyleSheet(tone == Theme::Tone::Neutral
                             ? QString()
                             : QStringLiteral("color: %1;").arg(Theme::toneText(tone).name()));
}

QString cardObjectName(System system)
{
    return QStringLiteral("connectionCard_%1").arg(Domain::toString(system));
}

bool isConnected(ConnectionState state)
{
    return state == ConnectionState::Connected || state == ConnectionState::Expiring
        || state == ConnectionState::Expired || state == ConnectionState::Error;
}

} // namespace

SettingsPage::SettingsPage(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_presenter([](QDialog *dialog) { dialog->open(); })
    , m_usersModel(new UsersTableModel(this))
    , m_usersProxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    // A field that cannot be edited should not look as if it could.
    setStyleSheet(QStringLiteral("QLineEdit[readOnly=\"true\"] { background: #f0f3f6; color: #3b4852; }"));

    auto *header = new PageHeader(
        tr("Settings"),
        tr("Which accounts Concord keeps in agreement, where their APIs are, and who may do what."), this);
    m_reload = new QPushButton(Theme::icon(QStringLiteral("refresh")), tr("Reload"), this);
    m_reload->setObjectName(QStringLiteral("reloadButton"));
    m_reload->setToolTip(tr("Read the connections and users again"));
    m_reload->setAccessibleName(tr("Reload settings"));
    connect(m_reload, &QPushButton::clicked, this, &SettingsPage::reloadRequested);
    header->addTrailingWidget(m_reload);

    m_banner = new QFrame(this);
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("settingsBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *dismiss = new QToolButton(m_banner);
    dismiss->setText(QStringLiteral("×"));
    dismiss->setAutoRaise(true);
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAccessibleName(tr("Dismiss message"));
    connect(dismiss, &QToolButton::clicked, m_banner, &QWidget::hide);
    auto *bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 8, 6, 8);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addWidget(dismiss, 0, Qt::AlignTop);
    setBanner(QString(), Theme::Tone::Neutral);

    m_roleNotice = new QLabel(this);
    m_roleNotice->setWordWrap(true);
    m_roleNotice->setContentsMargins(12, 8, 12, 8);
    styleBanner(m_roleNotice, QStringLiteral("settingsRoleNotice"), Theme::Tone::Info);

    // Connections.
    auto *connectionsTitle = new QLabel(tr("Connections"), this);
    connectionsTitle->setObjectName(QStringLiteral("paneTitle"));
    m_configNote = new QLabel(this);
    m_configNote->setObjectName(QStringLiteral("fieldLabel"));
    m_configNote->setWordWrap(true);
    m_configNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    for (const System system : Domain::allSystems())
        cards->addWidget(createCard(system), 1);

    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("settingsContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 4, 0);
    contentLayout->setSpacing(10);
    contentLayout->addWidget(connectionsTitle);
    contentLayout->addWidget(m_configNote);
    contentLayout->addLayout(cards);
    contentLayout->addSpacing(10);
    contentLayout->addWidget(createUsersSection());
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    scroll->setFocusPolicy(Qt::NoFocus);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(12);
    layout->addWidget(header);
    layout->addWidget(m_banner);
    layout->addWidget(m_roleNotice);
    layout->addWidget(scroll, 1);

    // One pass through the page: header, each card top to bottom, the users.
    QList<QWidget *> chain{m_reload, dismiss};
    for (const System system : Domain::allSystems()) {
        const Card &c = card(system);
        chain << c.baseUrl << c.saveUrl << c.connect << c.test << c.disconnect << c.openAgain << c.cancel;
    }
    chain << m_usersView << m_addUser << m_editUser << m_deactivate;
    for (qsizetype i = 1; i < chain.size(); ++i)
        setTabOrder(chain.at(i - 1), chain.at(i));

    auto *timer = new QTimer(this);
    timer->setInterval(kTimeRefreshMs);
    connect(timer, &QTimer::timeout, this, &SettingsPage::refreshTimes);
    timer->start();

    setActor(Role::Viewer, QString());
}

SettingsPage::~SettingsPage() = default;

// --- building -------------------------------------------------------------------

QFrame *SettingsPage::createCard(System system)
{
    Card &c = m_cards[system];
    const QString name = Domain::displayName(system);
    c.frame = new QFrame(this);
    c.frame->setObjectName(QStringLiteral("card"));
    c.frame->setProperty("system", Domain::toString(system));
    c.frame->setAccessibleName(tr("%1 connection").arg(name));
    // Three cards side by side in a 1180 px window leave each ~290 px; a
    // larger minimum made the whole page scroll sideways.
    c.frame->setMinimumWidth(260);

    auto *title = new QLabel(name, c.frame);
    title->setObjectName(QStringLiteral("cardTitle"));
    c.dot = new QLabel(c.frame);
    c.state = new QLabel(c.frame);
    c.state->setObjectName(cardObjectName(system) + QStringLiteral("_state"));
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(6);
    titleRow->addWidget(title, 1);
    titleRow->addWidget(c.dot);
    titleRow->addWidget(c.state);

    c.setupNote = value(c.frame);
    colour(c.setupNote, Theme::Tone::Warning);

    c.account = value(c.frame);
    c.baseUrl = new QLineEdit(c.frame);
    c.baseUrl->setObjectName(cardObjectName(system) + QStringLiteral("_baseUrl"));
    c.baseUrl->setAccessibleName(tr("%1 base URL").arg(name));
    c.baseUrl->setClearButtonEnabled(false);
    c.saveUrl = new QPushButton(tr("Save"), c.frame);
    c.saveUrl->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    c.saveUrl->setAccessibleName(tr("Save the %1 base URL").arg(name));
    c.urlMessage = value(c.frame);
    c.urlMessage->hide();
    c.tokens = value(c.frame);
    c.lastOk = value(c.frame);
    c.lastError = value(c.frame);
    colour(c.lastError, Theme::Tone::Bad);

    auto *urlRow = new QHBoxLayout;
    urlRow->setSpacing(6);
    urlRow->addWidget(c.baseUrl, 1);
    urlRow->addWidget(c.saveUrl);

    auto *facts = new QGridLayout;
    facts->setHorizontalSpacing(10);
    facts->setVerticalSpacing(6);
    facts->setColumnStretch(1, 1);
    int row = 0;
    facts->addWidget(caption(tr("Account"), c.frame), row, 0);
    facts->addWidget(c.account, row++, 1);
    auto *urlCaption = caption(tr("API address"), c.frame);
    urlCaption->setBuddy(c.baseUrl);
    urlCaption->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    facts->addWidget(urlCaption, row, 0);
    facts->addLayout(urlRow, row++, 1);
    facts->addWidget(c.urlMessage, row++, 1);
    facts->addWidget(caption(tr("Authorization"), c.frame), row, 0);
    facts->addWidget(c.tokens, row++, 1);
    facts->addWidget(caption(tr("Last OK"), c.frame), row, 0);
    facts->addWidget(c.lastOk, row++, 1);
    facts->addWidget(caption(tr("Last error"), c.frame), row, 0);
    facts->addWidget(c.lastError, row++, 1);

    c.message = value(c.frame);
    c.message->setObjectName(cardObjectName(system) + QStringLiteral("_message"));
    c.message->hide();

    // The usual buttons, or — while the browser is authorising — what to do meanwhile.
    c.actions = new QWidget(c.frame);
    c.connect = new QPushButton(c.actions);
    c.test = new QPushButton(tr("Test"), c.actions);
    c.test->setAccessibleName(tr("Test the %1 connection").arg(name));
    c.test->setToolTip(tr("Make one harmless request to %1 with the stored credentials").arg(name));
    c.disconnect = new QPushButton(tr("Disconnect…"), c.actions);
    c.disconnect->setAccessibleName(tr("Disconnect %1").arg(name));
    // Two rows: three buttons side by side do not fit a card a third of a
    // 1180 px window in French ("Remplacer la clé…" was cut to "mplacer la
    // clé"); Disconnect, the destructive one, stands apart on its own row.
    auto *actionsLayout = new QGridLayout(c.actions);
    actionsLayout->setContentsMargins(0, 0, 0, 0);
    actionsLayout->setHorizontalSpacing(6);
    actionsLayout->setVerticalSpacing(6);
    actionsLayout->addWidget(c.connect, 0, 0);
    actionsLayout->addWidget(c.test, 0, 1);
    actionsLayout->setColumnStretch(2, 1);
    actionsLayout->addWidget(c.disconnect, 1, 0);

    c.waiting = new QWidget(c.frame);
    c.waitingText = value(c.waiting);
    c.openAgain = new QPushButton(tr("Open the page again"), c.waiting);
    c.openAgain->setAccessibleName(tr("Open the %1 sign-in page again").arg(name));
    c.openAgain->setToolTip(tr("If no browser window appeared, open the sign-in page again"));
    c.cancel = new QPushButton(tr("Cancel"), c.waiting);
    c.cancel->setAccessibleName(tr("Cancel connecting %1").arg(name));
    auto *waitingLayout = new QGridLayout(c.waiting);
    waitingLayout->setContentsMargins(0, 0, 0, 0);
    waitingLayout->setSpacing(6);
    waitingLayout->addWidget(c.waitingText, 0, 0, 1, 3);
    waitingLayout->addWidget(c.openAgain, 1, 0);
    waitingLayout->setColumnStretch(1, 1);
    waitingLayout->addWidget(c.cancel, 1, 2);
    c.waiting->hide();

    auto *layout = new QVBoxLayout(c.frame);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(10);
    layout->addLayout(titleRow);
    layout->addWidget(c.setupNote);
    layout->addLayout(facts);
    layout->addWidget(c.message);
    layout->addStretch(1);
    layout->addWidget(c.actions);
    layout->addWidget(c.waiting);

    connect(c.connect, &QPushButton::clicked, this, [this, system] { connectService(system); });
    connect(c.cancel, &QPushButton::clicked, this, [this, system] { cancelConnect(system); });
    connect(c.openAgain, &QPushButton::clicked, this, [this, system] {
        if (card(system).authorizationUrl.isValid())
            Q_EMIT openUrlRequested(card(system).authorizationUrl);
    });
    connect(c.test, &QPushButton::clicked, this, [this, system] { testService(system); });
    connect(c.disconnect, &QPushButton::clicked, this, [this, system] { disconnectService(system); });
    connect(c.saveUrl, &QPushButton::clicked, this, [this, system] { saveBaseUrl(system); });
    connect(c.baseUrl, &QLineEdit::returnPressed, this, [this, system] { saveBaseUrl(system); });
    connect(c.baseUrl, &QLineEdit::textEdited, this, [this, system] {
        Card &k = card(system);
        const QString problem = baseUrlProblem(system, k.baseUrl->text());
        k.urlMessage->setText(problem);
        colour(k.urlMessage, Theme::Tone::Bad);
        k.urlMessage->setVisible(!problem.isEmpty());
        updateCard(system);
    });
    return c.frame;
}

QWidget *SettingsPage::createUsersSection()
{
    auto *section = new QWidget(this);
    auto *title = new QLabel(tr("Users and roles"), section);
    title->setObjectName(QStringLiteral("paneTitle"));
    m_usersNote = new QLabel(tr("Concord acts as the person signed in to this computer: each user is that "
                                "computer account's name. The role decides what they may change; "
                                "everyone may see everything."),
                             section);
    m_usersNote->setObjectName(QStringLiteral("fieldLabel"));
    m_usersNote->setWordWrap(true);

    m_usersProxy->setSourceModel(m_usersModel);
    m_usersProxy->setSortRole(UsersTableModel::SortRole);
    m_usersView = new QTableView(section);
    m_usersView->setObjectName(QStringLiteral("usersView"));
    m_usersView->setAccessibleName(tr("Users"));
    m_usersView->setModel(m_usersProxy);
    m_usersView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_usersView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_usersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_usersView->setAlternatingRowColors(true);
    m_usersView->setSortingEnabled(true);
    m_usersView->sortByColumn(UsersTableModel::Username, Qt::AscendingOrder);
    m_usersView->verticalHeader()->hide();
    m_usersView->verticalHeader()->setDefaultSectionSize(30);
    m_usersView->horizontalHeader()->setStretchLastSection(true);
    m_usersView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_usersView->setColumnWidth(UsersTableModel::Username, 180);
    m_usersView->setColumnWidth(UsersTableModel::DisplayName, 240);
    m_usersView->setColumnWidth(UsersTableModel::RoleName, 170);
    m_usersView->setColumnWidth(UsersTableModel::Status, 130);
    // As tall as its rows (a handful of people), scrolling past a dozen.
    m_usersView->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_usersView->setMinimumHeight(150);
    m_usersView->setMaximumHeight(420);
    m_usersView->setTabKeyNavigation(false);
    connect(m_usersView, &QTableView::doubleClicked, this, [this] { editCurrentUser(); });
    connect(m_usersView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SettingsPage::updateUserActions);

    m_addUser = new QPushButton(tr("&Add user…"), section);
    m_addUser->setObjectName(QStringLiteral("addUserButton"));
    m_addUser->setAccessibleName(tr("Add user"));
    m_editUser = new QPushButton(tr("&Edit role…"), section);
    m_editUser->setObjectName(QStringLiteral("editUserButton"));
    m_editUser->setAccessibleName(tr("Edit the user's role"));
    m_deactivate = new QPushButton(tr("&Deactivate…"), section);
    m_deactivate->setObjectName(QStringLiteral("deactivateUserButton"));
    m_deactivate->setAccessibleName(tr("Deactivate the user"));
    connect(m_addUser, &QPushButton::clicked, this, &SettingsPage::addUser);
    connect(m_editUser, &QPushButton::clicked, this, &SettingsPage::editCurrentUser);
    connect(m_deactivate, &QPushButton::clicked, this, &SettingsPage::toggleCurrentUserActive);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(6);
    buttons->addWidget(m_addUser);
    buttons->addWidget(m_editUser);
    buttons->addWidget(m_deactivate);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(title);
    layout->addWidget(m_usersNote);
    layout->addWidget(m_usersView, 1);
    layout->addLayout(buttons);
    return section;
}

// --- accessors --------------------------------------------------------------------

SettingsPage::Card &SettingsPage::card(System system)
{
    return m_cards.at(system);
}

const SettingsPage::Card &SettingsPage::card(System system) const
{
    return m_cards.at(system);
}

bool SettingsPage::canManage() const
{
    return !m_username.isEmpty() && Security::roleHas(m_role, Security::Permission::ManageUsers);
}

QString SettingsPage::manageDeniedText()
{
    //: "Only an owner can …"; %1 lists the roles that may.
    return tr("Only %1 can connect services, change where they are, or manage users.")
        .arg(RoleText::whoMay(Security::Permission::ManageUsers));
}

QString SettingsPage::whatStopsSyncing(System system)
{
    switch (system) {
    case System::QuickBooks:
        return tr("Invoices, payments and QuickBooks customers stop syncing: new sessions are not invoiced and "
                  "payments no longer reach the CRM.");
    case System::HubSpot:
        return tr("Contacts, deals and follow-up tasks stop syncing with HubSpot.");
    case System::CalCom:
        return tr("Bookings stop syncing from Cal.com: new, rescheduled and canceled sessions are no longer "
                  "carried to HubSpot or invoiced.");
    }
    return {};
}

QString SettingsPage::baseUrlProblem(System system, const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address of the %1 API, e.g. https://…").arg(Domain::displayName(system));
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return tr("'%1' is not a web address: it should start with https://").arg(trimmed);
    if (auto ok = Config::validateBaseUrl(url, QStringLiteral("[%1] base_url").arg(Domain::toString(system))); !ok) {
        const QString scheme = url.scheme().toLower();
        if (scheme == u"http")
            return tr("Plain http is only allowed on this computer (127.0.0.1, ::1 or localhost): use https://.");
        if (scheme != u"https")
            return tr("The address must start with https://.");
        if (!url.userInfo().isEmpty())
            return tr("The address must not contain a user name or password: Concord keeps credentials in the "
                      "keychain.");
        if (url.hasQuery() || url.hasFragment())
            return tr("The address must not have a '?' or '#' part.");
        return tr("The address needs a host, e.g. https://api.example.com.");
    }
    return {};
}

bool SettingsPage::isConnecting(System system) const
{
    return card(system).busy == Busy::Connecting;
}

QPushButton *SettingsPage::connectButton(System system) const { return card(system).connect; }
QPushButton *SettingsPage::cancelButton(System system) const { return card(system).cancel; }
QPushButton *SettingsPage::testButton(System system) const { return card(system).test; }
QPushButton *SettingsPage::disconnectButton(System system) const { return card(system).disconnect; }
QLineEdit *SettingsPage::baseUrlEdit(System system) const { return card(system).baseUrl; }
QPushButton *SettingsPage::saveBaseUrlButton(System system) const { return card(system).saveUrl; }
QString SettingsPage::stateText(System system) const { return card(system).state->text(); }
Theme::Tone SettingsPage::stateTone(System system) const { return card(system).tone; }
QString SettingsPage::accountText(System system) const { return card(system).account->text(); }
QString SettingsPage::tokenText(System system) const { return card(system).tokens->text(); }
QString SettingsPage::lastOkText(System system) const { return card(system).lastOk->text(); }
QString SettingsPage::lastErrorText(System system) const { return card(system).lastError->text(); }

QString SettingsPage::cardMessage(System system) const
{
    const Card &c = card(system);
    return c.message->isHidden() ? QString() : c.message->text();
}

QString SettingsPage::baseUrlMessage(System system) const
{
    const Card &c = card(system);
    return c.urlMessage->isHidden() ? QString() : c.urlMessage->text();
}

QString SettingsPage::messageText() const
{
    return m_banner->isHidden() ? QString() : m_bannerText->text();
}

qint64 SettingsPage::currentUserId() const
{
    const QModelIndex current = m_usersView->currentIndex();
    return current.isValid() ? current.data(UsersTableModel::IdRole).toLongLong() : 0;
}

bool SettingsPage::selectUser(qint64 id)
{
    const int row = m_usersModel->rowForUser(id);
    if (row < 0)
        return false;
    const QModelIndex index = m_usersProxy->mapFromSource(m_usersModel->index(row, 0));
    m_usersView->setCurrentIndex(index);
    m_usersView->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void SettingsPage::setDialogPresenter(DialogPresenter presenter)
{
    m_presenter = presenter ? std::move(presenter) : DialogPresenter([](QDialog *dialog) { dialog->open(); });
}

// --- data -----------------------------------------------------------------------------

void SettingsPage::setData(const Services::SettingsData &data)
{
    const qint64 current = currentUserId();
    m_data = data;
    m_loaded = true;
    m_usersModel->setUsers(data.users);
    if (current == 0 || !selectUser(current)) {
        if (m_usersProxy->rowCount() > 0)
            selectUser(m_usersProxy->index(0, 0).data(UsersTableModel::IdRole).toLongLong());
    }
    m_configNote->setText(tr("API addresses are saved in %1.").arg(data.configPath));
    for (const System system : Domain::allSystems()) {
        Card &c = card(system);
        // A field the person is editing keeps their text.
        if (!c.baseUrl->isModified()) {
            c.baseUrl->setText(data.service(system).baseUrl.toString());
            c.baseUrl->setCursorPosition(0); // the host, not the end, when it is long
        }
        updateCard(system);
    }
    updateUserActions();
}

void SettingsPage::setTeamMode(bool teamMode)
{
    m_teamMode = teamMode;
}

void SettingsPage::setActor(Role role, const QString &username)
{
    m_role = role;
    m_username = username;
    if (canManage()) {
        m_roleNotice->hide();
    } else {
        m_roleNotice->setText(
            username.isEmpty()
                ? tr("Read only until Concord knows who you are. %1").arg(manageDeniedText())
                : tr("You are signed in as %1 (%2). %3")
                      .arg(username, UsersTableModel::roleText(role), manageDeniedText()));
        m_roleNotice->show();
    }
    for (const System system : Domain::allSystems())
        updateCard(system);
    updateUserActions();
}

QString SettingsPage::relative(const QDateTime &at) const
{
    const qint64 secs = m_clock.nowUtc().secsTo(at);
    const qint64 magnitude = qAbs(secs);
    QString span;
    if (magnitude < 60)
        return secs >= 0 ? tr("in less than a minute") : tr("just now");
    if (magnitude < 3600)
        span = tr("%n min", nullptr, int(magnitude / 60));
    else if (magnitude < 2 * 86400)
        span = tr("%n h", nullptr, int(magnitude / 3600));
    else
        span = tr("%n days", nullptr, int(magnitude / 86400));
    //: "in 42 min" / "12 min ago"
    return secs >= 0 ? tr("in %1").arg(span) : tr("%1 ago").arg(span);
}

void SettingsPage::updateCard(System system)
{
    Card &c = card(system);
    const Connection connection = ConnectionIndicator::find(m_data.connections, system);
    const Services::ServiceSetup setup = m_data.service(system);
    const bool oauth = setup.auth == AuthKind::OAuth;
    const QString name = Domain::displayName(system);
    const QLocale locale;

    // State.
    QString state;
    Theme::Tone tone = ConnectionIndicator::stateTone(connection.state);
    switch (c.busy) {
    case Busy::Connecting:
        state = tr("Waiting for the browser…");
        break;
    case Busy::CheckingKey:
        state = tr("Checking the key…");
        break;
    case Busy::Testing:
        state = tr("Testing…");
        break;
    case Busy::Disconnecting:
        state = tr("Disconnecting…");
        break;
    case Busy::None:
    case Busy::SavingUrl:
        break;
    }
    if (!state.isEmpty()) {
        tone = Theme::Tone::Info;
    } else if (!m_loaded) {
        state = tr("Checking…");
        tone = Theme::Tone::Neutral;
    } else {
        switch (connection.state) {
        case ConnectionState::NotConfigured:
            state = tr("Not connected yet");
            break;
        case ConnectionState::Connected:
            state = tr("Connected");
            break;
        case ConnectionState::Expiring:
            state = tr("Expiring soon");
            break;
        case ConnectionState::Expired:
            state = tr("Expired: connect again");
            break;
        case ConnectionState::Error:
            state = tr("Error");
            break;
        case ConnectionState::Disconnected:
            state = tr("Disconnected");
            break;
        }
    }
    c.tone = tone;
    c.state->setText(state);
    colour(c.state, tone == Theme::Tone::Good ? Theme::Tone::Neutral : tone);
    c.dot->setPixmap(Theme::dot(tone, kDotDiameter));
    c.dot->setAccessibleName(state);
    c.frame->setAccessibleDescription(state);

    // Facts.
    c.setupNote->setText(setup.setupProblem.isEmpty()
                             ? QString()
                             : tr("Not set up for connecting: %1").arg(setup.setupProblem));
    c.setupNote->setVisible(m_loaded && !setup.setupProblem.isEmpty());
    c.account->setText(connection.accountLabel.isEmpty() ? tr("—") : connection.accountLabel);
    if (system == System::QuickBooks && !connection.accountLabel.isEmpty())
        c.account->setToolTip(tr("QuickBooks company (realm) id"));

    QStringList tokenLines;
    if (!isConnected(connection.state)) {
        tokenLines << (oauth ? tr("None: connect through the browser.") : tr("No key stored."));
    } else if (oauth) {
        if (connection.refreshExpiresAt.isValid()) {
            const QString on = locale.toString(connection.refreshExpiresAt.toLocalTime().date(), QLocale::ShortFormat);
            const qint64 days = m_clock.nowUtc().secsTo(connection.refreshExpiresAt) / 86400;
            if (connection.refreshExpiresAt <= m_clock.nowUtc())
                tokenLines << tr("Refresh token expired %1 (%2): connect again.")
                                  .arg(relative(connection.refreshExpiresAt), on);
            else if (days >= 2)
                tokenLines << tr("Refresh token expires in %n days (%1).", nullptr, int(days)).arg(on);
            else
                tokenLines << tr("Refresh token expires %1 (%2).").arg(relative(connection.refreshExpiresAt), on);
        } else {
            tokenLines << tr("Refresh token stored; its age is not known yet.");
        }
        if (connection.accessExpiresAt.isValid() && connection.accessExpiresAt > m_clock.nowUtc())
            tokenLines << tr("Access token expires %1; Concord renews it by itself.")
                              .arg(relative(connection.accessExpiresAt));
        else
            tokenLines << tr("Access token: renewed by Concord when needed.");
    } else {
        tokenLines << (system == System::HubSpot ? tr("Private-app token stored; it does not expire.")
                                                 : tr("API key stored; it does not expire."));
    }
    c.tokens->setText(tokenLines.join(QLatin1Char('\n')));
    const Theme::Tone tokenTone = connection.state == ConnectionState::Expiring ? Theme::Tone::Warning
        : connection.state == ConnectionState::Expired                         ? Theme::Tone::Bad
                                                                                : Theme::Tone::Neutral;
    colour(c.tokens, tokenTone);

    c.lastOk->setText(connection.lastOkAt.isValid()
                          ? tr("%1 (%2)").arg(relative(connection.lastOkAt),
                                              locale.toString(connection.lastOkAt.toLocalTime(), QLocale::ShortFormat))
                          : tr("never"));
    c.lastError->setText(connection.lastError.isEmpty() ? tr("none") : connection.lastError);
    // A failed test's answer is the recorded last error: said once.
    if (!connection.lastError.isEmpty() && c.message->text() == connection.lastError)
        c.message->hide();
    colour(c.lastError, connection.lastError.isEmpty() ? Theme::Tone::Neutral : Theme::Tone::Bad);

    // Actions.
    const bool manage = canManage();
    const bool idle = c.busy == Busy::None || c.busy == Busy::SavingUrl;
    const QString denied = manageDeniedText();
    c.actions->setVisible(c.busy != Busy::Connecting);
    c.waiting->setVisible(c.busy == Busy::Connecting);

    const bool connected = isConnected(connection.state);
    if (oauth) {
        c.connect->setText(connected ? tr("Reconnect…") : tr("Connect…"));
        c.connect->setAccessibleName(tr("Connect %1 in the browser").arg(name));
    } else {
        c.connect->setText(connected ? tr("Replace key…") : tr("Enter key…"));
        c.connect->setAccessibleName(system == System::HubSpot ? tr("Enter the HubSpot private-app token")
                                                               : tr("Enter the %1 API key").arg(name));
    }
    c.connect->setEnabled(m_loaded && manage && idle && setup.setupProblem.isEmpty());
    c.connect->setToolTip(!manage ? denied
                              : !setup.setupProblem.isEmpty()
                              ? setup.setupProblem
                              : oauth ? tr("Sign in to %1 in your browser and allow Concord").arg(name)
                                      : tr("Paste the key %1 gave you; Concord checks it before keeping it").arg(name));

    c.test->setEnabled(m_loaded && idle && !m_username.isEmpty());
    if (m_username.isEmpty())
        c.test->setToolTip(tr("Concord does not know who you are yet."));

    c.disconnect->setEnabled(m_loaded && manage && idle && connected);
    c.disconnect->setToolTip(!manage ? denied
                                 : !connected ? tr("%1 is not connected.").arg(name)
                                              : tr("Stop syncing with %1 and remove its credentials from this "
                                                   "computer").arg(name));

    const bool urlEditable = m_loaded && manage;
    if (c.baseUrl->isReadOnly() == urlEditable) {
        c.baseUrl->setReadOnly(!urlEditable);
        c.baseUrl->style()->unpolish(c.baseUrl); // the read-only look follows
        c.baseUrl->style()->polish(c.baseUrl);
    }
    c.baseUrl->setToolTip(manage ? tr("Where Concord reaches the %1 API: production, a sandbox, or a local "
                                      "emulator. https only, except on this computer.").arg(name)
                                 : denied);
    const QString typed = c.baseUrl->text().trimmed();
    const bool changed = typed != setup.baseUrl.toString();
    const QString problem = baseUrlProblem(system, typed);
    c.saveUrl->setEnabled(urlEditable && changed && problem.isEmpty() && c.busy != Busy::SavingUrl);
    c.saveUrl->setToolTip(!manage ? denied
                              : !problem.isEmpty() ? problem
                              : !changed ? tr("Nothing to save: this is the address in use.")
                                         : tr("Save this address in %1").arg(m_data.configPath));

    c.waitingText->setText(tr("Sign in to %1 in the browser window Concord opened and allow access. "
                              "This page updates by itself.").arg(name));
    c.openAgain->setEnabled(c.authorizationUrl.isValid());
}

void SettingsPage::updateUserActions()
{
    const bool manage = m_loaded && canManage();
    const QString denied = manageDeniedText();
    const User *user = m_usersModel->user(currentUserId());
    m_addUser->setEnabled(manage);
    m_addUser->setToolTip(manage ? tr("Add a person who uses Concord on this store") : denied);
    m_editUser->setEnabled(manage && user);
    m_editUser->setToolTip(!manage ? denied
                               : !user ? tr("Select a user first.")
                                       : tr("Change %1's role or name").arg(user->username));

    const bool lastOwner = user && user->active && user->role == Role::Owner && m_usersModel->activeOwnerCount() <= 1;
    const bool reactivate = user && !user->active;
    m_deactivate->setText(reactivate ? tr("Re&activate…") : tr("&Deactivate…"));
    m_deactivate->setAccessibleName(reactivate ? tr("Reactivate the user") : tr("Deactivate the user"));
    m_deactivate->setEnabled(manage && user && !lastOwner);
    m_deactivate->setToolTip(!manage ? denied
                                 : !user ? tr("Select a user first.")
                                 : lastOwner ? UserDialog::lastOwnerText(*user)
                                 : reactivate ? tr("Let %1 act in Concord again").arg(user->username)
                                              : tr("%1 keeps their history but can no longer act in Concord")
                                                    .arg(user->username));
    m_usersView->setToolTip(manage ? QString() : denied);
}

// --- answers ----------------------------------------------------------------------------

void SettingsPage::setBusy(System system, Busy busy)
{
    card(system).busy = busy;
    updateCard(system);
}

void SettingsPage::setCardMessage(System system, bool ok, const QString &message)
{
    Card &c = card(system);
    c.message->setText(message);
    colour(c.message, ok ? Theme::Tone::Good : Theme::Tone::Bad);
    c.message->setVisible(!message.isEmpty());
}

void SettingsPage::setBanner(const QString &message, Theme::Tone tone)
{
    styleBanner(m_banner, QStringLiteral("settingsBanner"), tone);
    m_bannerText->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

void SettingsPage::showAuthorizationUrl(System system, const QUrl &url)
{
    Card &c = card(system);
    if (c.busy != Busy::Connecting)
        setBusy(system, Busy::Connecting); // the root may have started it
    c.authorizationUrl = url;
    c.openAgain->setToolTip(url.toString());
    updateCard(system);
    Q_EMIT openUrlRequested(url);
}

void SettingsPage::showConnectResult(System system, bool ok, const QString &message)
{
    Card &c = card(system);
    c.authorizationUrl = QUrl();
    setCardMessage(system, ok, message);
    setBusy(system, Busy::None);
    if (ok)
        Q_EMIT reloadRequested();
}

void SettingsPage::showTestResult(System system, bool ok, const QString &message)
{
    setCardMessage(system, ok, message);
    setBusy(system, Busy::None);
    Q_EMIT reloadRequested(); // the test was recorded: last OK / last error
}

void SettingsPage::showDisconnectResult(System system, bool ok, const QString &message)
{
    setCardMessage(system, ok, message);
    setBusy(system, Busy::None);
    Q_EMIT reloadRequested();
}

void SettingsPage::showBaseUrlResult(System system, bool ok, const QString &message)
{
    Card &c = card(system);
    c.busy = Busy::None;
    if (ok)
        c.baseUrl->setModified(false);
    c.urlMessage->setText(message);
    colour(c.urlMessage, ok ? Theme::Tone::Good : Theme::Tone::Bad);
    c.urlMessage->setVisible(!message.isEmpty());
    updateCard(system);
    if (ok)
        Q_EMIT reloadRequested();
}

void SettingsPage::showFailure(const QString &message)
{
    setBanner(message, Theme::Tone::Bad);
}

void SettingsPage::showDone(const QString &message)
{
    setBanner(message, Theme::Tone::Good);
}

void SettingsPage::refreshTimes()
{
    for (const System system : Domain::allSystems())
        updateCard(system);
}

// --- actions -------------------------------------------------------------------------------

void SettingsPage::present(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_presenter(dialog);
}

void SettingsPage::confirm(const QString &title, const QString &text, const QString &confirmText,
                           std::function<void()> onConfirm)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDialog"));
    QPushButton *yes = box->addButton(confirmText, QMessageBox::AcceptRole);
    yes->setObjectName(QStringLiteral("confirmButton"));
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no); // Enter must not disconnect or deactivate
    box->setEscapeButton(no);
    connect(box, &QDialog::finished, this, [box, yes, onConfirm = std::move(onConfirm)] {
        if (box->clickedButton() == yes)
            onConfirm();
    });
    present(box);
}

void SettingsPage::connectService(System system)
{
    if (!card(system).connect->isEnabled())
        return;
    if (m_data.service(system).auth == AuthKind::ApiKey) {
        askForKey(system);
        return;
    }
    card(system).message->hide();
    setBusy(system, Busy::Connecting);
    Q_EMIT connectRequested(system);
}

void SettingsPage::cancelConnect(System system)
{
    if (!isConnecting(system))
        return;
    Q_EMIT cancelConnectRequested(system);
}

void SettingsPage::askForKey(System system)
{
    const QString name = Domain::displayName(system);
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("apiKeyDialog"));
    const bool hubspot = system == System::HubSpot;
    dialog->setWindowTitle(hubspot ? tr("HubSpot private-app token") : tr("%1 API key").arg(name));
    dialog->setMinimumWidth(480);
    auto *help = new QLabel(
        hubspot ? tr("In HubSpot open Settings → Integrations → Private apps, choose Concord's app and copy its "
                     "access token. Concord checks it with HubSpot before keeping it in this computer's keychain.")
                : tr("In Cal.com open Settings → Developer → API keys and create a key for Concord. Concord checks it "
                     "with Cal.com before keeping it in this computer's keychain."),
        dialog);
    help->setWordWrap(true);
    auto *key = new QLineEdit(dialog);
    key->setObjectName(QStringLiteral("apiKeyEdit"));
    key->setEchoMode(QLineEdit::Password);
    key->setAccessibleName(hubspot ? tr("Private-app token") : tr("API key"));
    auto *label = new QLabel(hubspot ? tr("&Token:") : tr("&Key:"), dialog);
    label->setBuddy(key);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton *save = buttons->addButton(tr("Check and save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("confirmButton"));
    save->setDefault(true);
    save->setEnabled(false);
    connect(key, &QLineEdit::textChanged, save, [save](const QString &text) { save->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(label);
    row->addWidget(key, 1);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(help);
    layout->addLayout(row);
    layout->addWidget(buttons);
    connect(dialog, &QDialog::finished, this, [this, system, key](int result) {
        const QString value = key->text().trimmed();
        if (result != QDialog::Accepted || value.isEmpty())
            return;
        card(system).message->hide();
        setBusy(system, Busy::CheckingKey);
        Q_EMIT apiKeyRequested(system, value);
    });
    present(dialog);
}

void SettingsPage::testService(System system)
{
    if (!card(system).test->isEnabled())
        return;
    card(system).message->hide();
    setBusy(system, Busy::Testing);
    Q_EMIT testRequested(system);
}

void SettingsPage::disconnectService(System system)
{
    if (!card(system).disconnect->isEnabled())
        return;
    const QString name = Domain::displayName(system);
    const bool oauth = m_data.service(system).auth == AuthKind::OAuth;
    const QString credentials = oauth ? tr("Concord removes its authorization from this computer's keychain and "
                                           "asks %1 to revoke it.").arg(name)
                                      : tr("Concord removes the key from this computer's keychain.");
    confirm(tr("Disconnect %1?").arg(name),
            QStringLiteral("%1\n\n%2\n\n%3")
                .arg(tr("Disconnect %1?").arg(name), whatStopsSyncing(system), credentials),
            tr("Disconnect"), [this, system] {
                card(system).message->hide();
                setBusy(system, Busy::Disconnecting);
                Q_EMIT disconnectRequested(system);
            });
}

void SettingsPage::saveBaseUrl(System system)
{
    Card &c = card(system);
    if (!c.saveUrl->isEnabled())
        return;
    const QString text = c.baseUrl->text().trimmed();
    if (const QString problem = baseUrlProblem(system, text); !problem.isEmpty()) {
        c.urlMessage->setText(problem);
        colour(c.urlMessage, Theme::Tone::Bad);
        c.urlMessage->show();
        return;
    }
    c.urlMessage->hide();
    c.busy = Busy::SavingUrl;
    updateCard(system);
    Q_EMIT baseUrlSaveRequested(system, QUrl(text, QUrl::StrictMode));
}

void SettingsPage::openUserDialog(QDialog *dialog)
{
    auto *userDialog = qobject_cast<UserDialog *>(dialog);
    connect(userDialog, &QDialog::finished, this, [this, userDialog](int result) {
        if (result == QDialog::Accepted && userDialog->isValid())
            Q_EMIT saveUserRequested(userDialog->user(), userDialog->password());
    });
    present(userDialog);
}

void SettingsPage::addUser()
{
    if (!m_addUser->isEnabled())
        return;
    auto *dialog = new UserDialog(m_data.users, this);
    dialog->setPasswordRequired(m_teamMode);
    openUserDialog(dialog);
}

void SettingsPage::editCurrentUser()
{
    const User *user = m_usersModel->user(currentUserId());
    if (!user || !m_editUser->isEnabled())
        return;
    openUserDialog(new UserDialog(*user, m_data.users, this));
}

void SettingsPage::toggleCurrentUserActive()
{
    const User *current = m_usersModel->user(currentUserId());
    if (!current || !m_deactivate->isEnabled())
        return;
    User changed = *current;
    changed.active = !current->active;
    const QString who = current->displayName.isEmpty() ? current->username : current->displayName;
    if (changed.active) {
        confirm(tr("Reactivate %1?").arg(who),
                tr("%1 may act in Concord again as %2.").arg(who, UsersTableModel::roleText(current->role)),
                tr("Reactivate"), [this, changed] { Q_EMIT saveUserRequested(changed, QString()); });
    } else {
        confirm(tr("Deactivate %1?").arg(who),
                tr("%1 keeps their history in the audit log but can no longer act in Concord. You can "
                   "reactivate them later.").arg(who),
                tr("Deactivate"), [this, changed] { Q_EMIT saveUserRequested(changed, QString()); });
    }
}

} // namespace Concord::Ui
