# Partnership Hub: the web application image (gunicorn) and, with another command, the task
# worker (`python manage.py db_worker`). See compose.yaml and the README's production section.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=hub.settings.production \
    STATIC_ROOT=/app/var/static \
    MEDIA_ROOT=/app/var/media

WORKDIR /app

# Runtime dependencies only, exactly as locked: requirements/production.txt is compiled from
# pyproject.toml by `make lock`; every file is checked against its hash. `make test-install`
# runs this same step in a clean virtualenv in CI, then `check --deploy`.
COPY requirements/production.txt requirements/production.txt
RUN pip install --require-hashes --no-deps -r requirements/production.txt

COPY . .

# Static files (hashed, compressed, served by WhiteNoise) and compiled translations are
# baked into the image; the dummy key and host exist only for this build step.
RUN SECRET_KEY=build-only-not-used-at-runtime ALLOWED_HOSTS=localhost \
        python manage.py collectstatic --noinput -v0 \
    && SECRET_KEY=build-only-not-used-at-runtime ALLOWED_HOSTS=localhost \
        python manage.py compile_catalogues --force -v0 \
    && useradd --system --uid 10001 --gid 0 --home-dir /app --no-create-home hub \
    && mkdir -p /app/var/media \
    && chown -R hub:0 /app/var/media

USER hub
EXPOSE 8000
CMD ["gunicorn", "hub.wsgi", "--bind", "0.0.0.0:8000", "--workers", "2", "--timeout", "60", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
