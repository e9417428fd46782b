#pragma once

#include <QLoggingCategory>

// One logging category per module (style.md). Enable with e.g.
// QT_LOGGING_RULES="concord.core.store.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcCommon)
Q_DECLARE_LOGGING_CATEGORY(lcDomain)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcQuickBooks)
Q_DECLARE_LOGGING_CATEGORY(lcConnectorsHttp)
Q_DECLARE_LOGGING_CATEGORY(lcConnectorsOAuth)
Q_DECLARE_LOGGING_CATEGORY(lcHubSpot)
Q_DECLARE_LOGGING_CATEGORY(lcCalcom)
Q_DECLARE_LOGGING_CATEGORY(lcIdentity)
