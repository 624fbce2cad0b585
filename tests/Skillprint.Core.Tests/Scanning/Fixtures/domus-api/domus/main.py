import asyncio

import httpx
from fastapi import FastAPI, HTTPException

from .models import Item

app = FastAPI(title="domus")
ITEMS: dict[str, Item] = {}
PRICE_SOURCES = ["https://prices.example.org", "https://market.example.org"]


async def fetch_price(client: httpx.AsyncClient, base: str, name: str) -> float | None:
    response = await client.get(f"{base}/price", params={"q": name})
    if response.status_code != 200:
        return None
    return response.json().get("price")


@app.get("/items")
async def list_items() -> list[dict]:
    return [item.model_dump() for item in ITEMS.values()]


@app.post("/items")
async def add_item(item: Item) -> dict:
    if item.name in ITEMS:
        raise HTTPException(status_code=409, detail="item exists")
    ITEMS[item.name] = item
    return item.model_dump(mode="json")


@app.get("/items/{name}/market")
async def market_prices(name: str) -> dict:
    async with httpx.AsyncClient(timeout=5.0) as client:
        prices = await asyncio.gather(*(fetch_price(client, base, name) for base in PRICE_SOURCES))
    return {"name": name, "prices": [p for p in prices if p is not None]}
