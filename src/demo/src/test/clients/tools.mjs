// What the client scripts share: the names on every page of tools/list.
export async function allToolNames(client) {
    const names = [];
    let cursor;
    do {
        const page = await client.listTools(cursor ? { cursor } : {});
        names.push(...page.tools.map(t => t.name));
        cursor = page.nextCursor;
    } while (cursor);
    return names;
}
