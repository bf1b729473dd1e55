"""CACHE_URL → CACHES, and the rate counters that live in the database instead of a cache."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from hub import ratelimits
from hub.models import RateCounter
from hub.settings.base import cache_settings


def test_redis_urls_select_djangos_redis_backend():
    config = cache_settings("redis://cache.internal:6379/2?prefix=site2")
    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["LOCATION"] == "redis://cache.internal:6379/2"
    assert config["KEY_PREFIX"] == "site2"
    tls = cache_settings("rediss://:secret@cache.internal:6380/0")
    assert tls["LOCATION"] == "rediss://:secret@cache.internal:6380/0"
    assert tls["KEY_PREFIX"] == "hub"


def test_unset_means_local_memory_and_file_urls_a_directory():
    for url in (None, "", "locmem://"):
        assert cache_settings(url)["BACKEND"].endswith("LocMemCache")
        assert cache_settings(url)["OPTIONS"]["MAX_ENTRIES"] == 3000  # not Django's 300
    assert cache_settings("locmem://?max_entries=50")["OPTIONS"]["MAX_ENTRIES"] == 50
    config = cache_settings("file:///var/cache/hub")
    assert config["BACKEND"].endswith("FileBasedCache")
    assert config["LOCATION"] == "/var/cache/hub"


@pytest.mark.parametrize("url", ["memcached://cache:11211", "file://", "cache:6379"])
def test_an_unknown_cache_url_is_refused_with_a_clear_error(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        cache_settings(url)


@pytest.mark.django_db
def test_counters_count_in_their_window_and_start_again_after_it():
    assert [ratelimits.hit("k", 60) for _ in range(3)] == [1, 2, 3]
    assert ratelimits.count("k") == 3
    assert ratelimits.count("other") == 0
    RateCounter.objects.filter(key="k").update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert ratelimits.count("k") == 0
    assert ratelimits.hit("k", 60) == 1  # a new window
    assert RateCounter.objects.filter(key="k").count() == 1


@pytest.mark.django_db
def test_counters_survive_the_cache_being_emptied():
    ratelimits.hit("flood:client", 600)
    ratelimits.hit("flood:client", 600)
    cache.clear()
    assert ratelimits.hit("flood:client", 600) == 3
