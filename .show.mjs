import 'reflect-metadata';
import { ourStatements } from '/work/main/dist/bench/ourStatements.js';
import neo4j from 'neo4j-driver';
const [query, vars] = [process.argv[2], JSON.parse(process.argv[3] ?? '{}')];
const sent = await ourStatements('bolt://127.0.0.1:7799', query, vars);
const driver = neo4j.driver('bolt://127.0.0.1:7799');
for (const s of sent) {
  console.log('----', s.label); console.log(s.text); console.log(JSON.stringify(s.params));
  const session = driver.session();
  const { summary } = await session.run('PROFILE ' + s.text, s.params);
  const walk = (p, d=0) => { console.log(' '.repeat(d*2) + p.operatorType + ' hits=' + p.dbHits + ' rows=' + p.rows); p.children.forEach(c => walk(c, d+1)); };
  if (process.env.PLAN) walk(summary.profile);
  const total = (p) => p.dbHits + p.children.reduce((a,c)=>a+total(c),0);
  console.log('dbHits', total(summary.profile));
  await session.close();
}
await driver.close();
