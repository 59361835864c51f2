// Drives this server's REST API with Shlink's own JavaScript SDK, as Shlink's clients do.
// Run by ShlinkSdkIT: node shlink-sdk-check.mjs <base URL without /rest> <admin API key> <run id>
// Every check is an assertion; the first that fails ends the run with a non-zero exit status.
import assert from 'node:assert/strict';
import { ShlinkApiClient } from '@shlinkio/shlink-js-sdk';
import { FetchHttpClient } from '@shlinkio/shlink-js-sdk/fetch';
import { ErrorType } from '@shlinkio/shlink-js-sdk/api-contract';

const [baseUrl, apiKey, run] = process.argv.slice(2);
const client = new ShlinkApiClient(new FetchHttpClient(), { baseUrl, apiKey });
const slug = `sdk-${run}`;
const tag = `sdk-tag-${run}`;
const step = (name) => console.log(`ok: ${name}`);

/** The rejection of `call`: the SDK throws the problem details themselves. */
async function refusal(call) {
  try {
    await call();
  } catch (problem) {
    return problem;
  }
  assert.fail('expected a refusal');
}

const health = await client.health();
assert.equal(health.status, 'pass');
step('health');

const created = await client.createShortUrl({
  longUrl: `https://example.com/sdk/${run}`,
  customSlug: slug,
  tags: [tag, 'sdk'],
  title: 'Made by the SDK',
});
assert.equal(created.shortCode, slug);
assert.equal(created.shortUrl, `${baseUrl}/${slug}`);
assert.deepEqual([...created.tags].sort(), ['sdk', tag].sort());
assert.equal(created.title, 'Made by the SDK');
assert.equal(created.forwardQuery, true);
assert.equal(created.crawlable, false);
assert.equal(created.visitsSummary.total, 0);
step('create with a custom slug and tags');

const list = await client.listShortUrls({ tags: [tag], orderBy: { field: 'dateCreated', dir: 'DESC' } });
assert.deepEqual(list.data.map((url) => url.shortCode), [slug]);
assert.equal(list.pagination.totalItems, 1);
assert.equal(list.pagination.currentPage, 1);
const searched = await client.listShortUrls({ searchTerm: 'Made by the SDK', itemsPerPage: 50 });
assert.ok(searched.data.some((url) => url.shortCode === slug));
step('list');

const read = await client.getShortUrl({ shortCode: slug });
assert.equal(read.longUrl, `https://example.com/sdk/${run}`);
assert.equal(read.meta.maxVisits, null);
step('get');

const edited = await client.updateShortUrl(
  { shortCode: slug },
  { title: null, maxVisits: 10, longUrl: `https://example.com/sdk/${run}/edited`, crawlable: false },
);
assert.equal(edited.title, null);
assert.equal(edited.meta.maxVisits, 10);
assert.equal(edited.longUrl, `https://example.com/sdk/${run}/edited`);
step('edit');

const chrome = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const visit = (path, userAgent, extra = {}) =>
  fetch(`${baseUrl}${path}`, {
    redirect: 'manual',
    headers: { 'user-agent': userAgent, 'x-forwarded-for': '8.8.8.8', ...extra },
  });
const visited = await visit(`/${slug}`, chrome, { referer: 'https://news.example.org/item?id=1' });
assert.equal(visited.status, 302);
assert.equal(visited.headers.get('location'), `https://example.com/sdk/${run}/edited`);
assert.equal((await visit(`/${slug}`, 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)')).status, 302);
const orphanPath = `/sdk-orphan-${run}`;
assert.equal((await visit(orphanPath, chrome)).status, 404);
let visits;
for (let attempt = 0; attempt < 50; attempt++) {
  visits = await client.getShortUrlVisits({ shortCode: slug });
  if (visits.data.length >= 2) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
assert.equal(visits.data.length, 2, 'both visits are listed after the flush');
assert.equal(visits.pagination.totalItems, 2);
const [preview, person] = visits.data;
assert.equal(preview.potentialBot, true, 'a link preview is a potential bot');
assert.equal(person.potentialBot, false);
assert.equal(person.referer, 'news.example.org');
assert.equal(person.userAgent, chrome);
assert.equal(person.visitLocation.countryCode, 'US');
assert.ok(!Number.isNaN(Date.parse(person.date)));
const people = await client.getShortUrlVisits({ shortCode: slug }, { excludeBots: true });
assert.deepEqual(people.data.map((v) => v.userAgent), [chrome]);
const summary = (await client.getShortUrl({ shortCode: slug })).visitsSummary;
assert.deepEqual(summary, { total: 2, nonBots: 1, bots: 1 });
const tagged = await client.getTagVisits(tag);
assert.equal(tagged.data.length, 2);
const nonOrphan = await client.getNonOrphanVisits({ itemsPerPage: 10 });
assert.ok(nonOrphan.data.length >= 2);
let orphan;
for (let attempt = 0; attempt < 50 && !orphan; attempt++) {
  orphan = (await client.getOrphanVisits()).data.find((v) => v.visitedUrl === orphanPath);
  if (!orphan) await new Promise((resolve) => setTimeout(resolve, 200));
}
assert.ok(orphan, 'the orphan visit is listed');
assert.equal(orphan.type, 'invalid_short_url');
const overview = await client.getVisitsOverview();
assert.ok(overview.nonOrphanVisits.total >= 2);
assert.ok(overview.nonOrphanVisits.bots >= 1);
assert.ok(overview.orphanVisits.total >= 1);
step('visits');

const tags = await client.tagsStats();
const ours = tags.data.find((stats) => stats.tag === tag);
assert.equal(ours.shortUrlsCount, 1);
assert.deepEqual(ours.visitsSummary, { total: 2, nonBots: 1, bots: 1 }, 'the tag\'s bots');
const names = await client.listTags();
assert.ok(names.data.includes(tag));
await client.editTag({ oldName: tag, newName: `${tag}-renamed` });
assert.ok((await client.getShortUrl({ shortCode: slug })).tags.includes(`${tag}-renamed`));
await client.deleteTags([`${tag}-renamed`]);
assert.ok(!(await client.getShortUrl({ shortCode: slug })).tags.includes(`${tag}-renamed`));
const domains = await client.listDomains();
assert.equal(domains.data[0].isDefault, true);
step('tags and domains');

const taken = await refusal(() =>
  client.createShortUrl({ longUrl: 'https://example.com/other', customSlug: slug }),
);
assert.equal(taken.type, ErrorType.INVALID_SLUG);
assert.equal(taken.status, 400);
assert.equal(taken.customSlug, slug);
const invalid = await refusal(() => client.createShortUrl({ longUrl: 'not a url' }));
assert.equal(invalid.type, ErrorType.INVALID_ARGUMENT);
assert.deepEqual(invalid.invalidElements, ['longUrl']);
for (const member of ['type', 'title', 'detail', 'status']) {
  assert.ok(member in invalid, `a problem has ${member}`);
}
step('refused creations read back as the SDK\'s error types');

await client.deleteShortUrl({ shortCode: slug });
const gone = await refusal(() => client.getShortUrl({ shortCode: slug }));
assert.equal(gone.type, ErrorType.INVALID_SHORTCODE);
step('delete');

const stranger = new ShlinkApiClient(new FetchHttpClient(), { baseUrl, apiKey: 'no-such-key' });
const unknown = await refusal(() => stranger.listShortUrls());
assert.equal(unknown.type, ErrorType.INVALID_API_KEY);
step('an unknown key');
console.log('all passed');
