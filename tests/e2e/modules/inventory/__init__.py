"""A small inventory application split over a package of modules."""
from .models import Item, StockError
from .store import Store

__all__ = ["Item", "Store", "StockError"]
