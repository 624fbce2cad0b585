import asyncio

import httpx


async def main() -> None:
    async with httpx.AsyncClient() as client:
        response = await client.get("http://localhost:8000/items")
        print(len(response.json()), "items")


if __name__ == "__main__":
    asyncio.run(main())
