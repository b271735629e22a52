// A non-.NET client: loads protos/ with @grpc/proto-loader and calls all three services through
// the gateway's single gRPC address. Usage: node call-all.js <host:port> <bearer-token>
// Prints one JSON line with what each service answered; exits non-zero on any failure.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const [address, token] = process.argv.slice(2);
const root = path.join(__dirname, '..', '..', 'protos');
const definition = loader.loadSync(
  ['healing/directory/v1/directory_service.proto', 'healing/profiles/v1/profiles.proto', 'healing/matching/v1/matching.proto'],
  { includeDirs: [root], keepCase: true, longs: String, enums: String, defaults: true });
const api = grpc.loadPackageDefinition(definition).healing;
const credentials = grpc.credentials.createInsecure();
const meta = new grpc.Metadata();
meta.add('authorization', 'Bearer ' + token);

const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, meta, { deadline: Date.now() + 10000 }, (err, res) => (err ? reject(err) : resolve(res))));

(async () => {
  const directory = new api.directory.v1.DirectoryService(address, credentials);
  const profiles = new api.profiles.v1.ProfileService(address, credentials);
  const matching = new api.matching.v1.MatchingService(address, credentials);

  const modalities = await call(directory, 'ListModalities', {});
  const listing = await call(directory, 'CreateListing', { listing: {
    display_name: 'Node-made herbalist', bio: 'Western herbalism, from a Node client.',
    modalities: ['western-herbalism'], orientation: 'ORIENTATION_NATURE_ORIENTED', lifestyle_tags: ['herbs-first'],
    licensure: { kind: 'LICENSURE_KIND_TRADITIONAL' }, approach: { shared_decisions: true, intake_minutes: 60 },
    terms: { currency: 'USD', fee_min: 3000, fee_max: 6000 }, locations: [{ lat: 44.05, lon: -123.09, city: 'Eugene', region: 'OR', country: 'US' }],
    telehealth: false, languages: ['en'], accepting_new_clients: true, time_zone: 'America/Los_Angeles' } });
  const profile = await call(profiles, 'CreateProfile', { profile: {
    orientation: 'ORIENTATION_NATURE_ORIENTED', lifestyle_tags: ['herbs-first'], sought_modalities: ['western-herbalism'],
    home: { lat: 44.05, lon: -123.09 }, max_travel_km: 10, budget: { currency: 'USD', max_per_session: 5000 } } });
  const matches = await call(matching, 'FindMatches', { profile_id: profile.id, page_size: 5 });

  console.log(JSON.stringify({
    modalities: modalities.modalities.length,
    listing_id: listing.id,
    profile_id: profile.id,
    matched_ids: matches.matches.map(m => m.listing.id),
  }));
  [directory, profiles, matching].forEach(c => c.close());
})().catch(err => { console.error(err.code, err.details || err.message); process.exit(1); });
