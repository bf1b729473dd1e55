"""Security settings: Content Security Policy, sign-in lockout (django-axes), password reset,
two-factor admin and upload limits. See hub/security.py and hub/twofactor.py.

``base.py`` imports them and places the apps and middleware they need; ``production.py``
tightens cookies and transport.
"""

from .sources import env, env_bool

# Content Security Policy. The public site runs no inline script or style at all.
# Static scripts that {% inline_script %} may write into pages; the policy allows each by its
# SHA-256 hash (hub/security.py). Only what must run before the first paint belongs here.
CSP_INLINE_SCRIPTS = ["js/disclosure.js"]
CSP_DIRECTIVES = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # Only this site may frame its pages: Wagtail's live preview does; other sites may not.
    "frame-ancestors": ["'self'"],
}
# Wagtail's admin (editor, choosers, previews) still relies on inline script and style.
CSP_ADMIN_DIRECTIVES = {
    **CSP_DIRECTIVES,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *CSP_DIRECTIVES["frame-src"]],
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no e-mail hashes sent to a third party

# Sign-in lockout with django-axes, recorded in the database (hub.security.LoginAttemptHandler),
# on the site's and the admin's forms: an account is locked only from the address that failed.
LOGIN_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))  # per e-mail address and address
LOGIN_FAILURE_LIMIT_PER_IP = int(env("LOGIN_FAILURE_LIMIT_PER_IP", "50"))  # per address
LOGIN_LOCKOUT_SECONDS = int(env("LOGIN_LOCKOUT_SECONDS", str(15 * 60)))
NUM_PROXIES = int(env("NUM_PROXIES", "0"))  # trusted proxies that set X-Forwarded-For
WAGTAILADMIN_USER_LOGIN_FORM = "hub.security.AdminLoginForm"
AXES_ENABLED = True
AXES_HANDLER = "hub.security.LoginAttemptHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = "hub.security.account_failure_limit"
AXES_COOLOFF_TIME = "hub.security.lockout_period"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "hub.security.login_username"
AXES_CLIENT_IP_CALLABLE = "hub.security.client_ip"
AXES_RESET_ON_SUCCESS = True  # a right password clears that account's failures from there
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "hub.security.lockout_response"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins (personal data not needed)
AXES_ENABLE_ADMIN = False

# Password reset (hub/passwords.py): "Forgot your password?" on the site's and the admin's
# sign-in pages. Links in reset e-mails and officers' invitations work this long.
PASSWORD_RESET_TIMEOUT = int(env("PASSWORD_RESET_TIMEOUT", str(3 * 24 * 3600)))
# Accepted requests within PASSWORD_RESET_WINDOW_SECONDS, per client address and per e-mail
# address typed; over the limit the page reads the same, but nothing is sent.
PASSWORD_RESET_LIMIT_PER_ADDRESS = int(env("PASSWORD_RESET_LIMIT_PER_ADDRESS", "5"))
PASSWORD_RESET_LIMIT_PER_EMAIL = int(env("PASSWORD_RESET_LIMIT_PER_EMAIL", "3"))
PASSWORD_RESET_WINDOW_SECONDS = int(env("PASSWORD_RESET_WINDOW_SECONDS", "3600"))
# One reset flow for everyone: Wagtail's own (not rate-limited) is switched off, and the
# admin's sign-in page links to the site's (templates/wagtailadmin/login.html).
WAGTAIL_PASSWORD_RESET_ENABLED = False

# Two-factor authentication in the admin (hub.twofactor); compulsory in production.
ADMIN_2FA_REQUIRED = env_bool("ADMIN_2FA_REQUIRED", False)

# Uploads: only these types, bounded sizes; images are re-encoded into renditions, documents
# other than PDF are always downloaded (Content-Disposition: attachment), never shown inline.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env("WAGTAILDOCS_MAX_UPLOAD_SIZE", str(20 * 1024 * 1024)))
WAGTAILDOCS_DOCUMENT_FORM_BASE = "hub.uploads.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
FILE_UPLOAD_PERMISSIONS = 0o644
