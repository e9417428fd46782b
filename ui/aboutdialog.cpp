#include "aboutdialog.h"

#include "theme.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Concord::Ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_version(new QLabel(this))
    , m_qt(new QLabel(this))
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Concord"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Theme::appIcon().pixmap(72, 72));
    icon->setAlignment(Qt::AlignTop);

    auto *name = new QLabel(QStringLiteral("Concord"), this);
    name->setObjectName(QStringLiteral("pageTitle"));
    m_version->setText(tr("Version %1").arg(QStringLiteral(CONCORD_VERSION)));
    m_version->setObjectName(QStringLiteral("pageSubtitle"));
    m_version->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *what = new QLabel(
        tr("Concord keeps a service business's CRM (HubSpot), scheduler (Cal.com) and billing "
           "(QuickBooks Online) in agreement: the same customer, the same time slot and the same "
           "payment state in all three, and when they disagree an administrator sees it before a "
           "customer does."),
        this);
    what->setWordWrap(true);

    //: %1 = Qt version Concord was built with, %2 = Qt version it runs on
    m_qt->setText(tr("Built with Qt %1, running on Qt %2.")
                      .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
    m_qt->setObjectName(QStringLiteral("fieldLabel"));
    m_qt->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *licence = new QLabel(
        tr("© 2026 the Concord developers. Free software under the GNU General Public License, "
           "version 3 or later; it comes with no warranty."),
        this);
    licence->setObjectName(QStringLiteral("fieldLabel"));
    licence->setWordWrap(true);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(6);
    texts->addWidget(name);
    texts->addWidget(m_version);
    texts->addSpacing(8);
    texts->addWidget(what);
    texts->addSpacing(8);
    texts->addWidget(m_qt);
    texts->addWidget(licence);

    auto *body = new QHBoxLayout;
    body->setSpacing(20);
    body->addWidget(icon, 0, Qt::AlignTop);
    body->addLayout(texts, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 16);
    layout->setSpacing(16);
    layout->addLayout(body);
    layout->addWidget(buttons);

    setMinimumWidth(520);
    setMaximumWidth(640);
}

QString AboutDialog::versionText() const
{
    return m_version->text();
}

QString AboutDialog::qtText() const
{
    return m_qt->text();
}

} // namespace Concord::Ui
