import neo4j from 'neo4j-driver';
const driver = neo4j.driver('bolt://127.0.0.1:7799');
const [text, params, n] = [process.argv[2], JSON.parse(process.argv[3]), Number(process.argv[4] ?? 300)];
const one = async () => { const s = driver.session({ defaultAccessMode: neo4j.session.READ }); await s.run(text, params); await s.close(); };
for (let i = 0; i < 30; i++) await one();
const t = performance.now(); for (let i = 0; i < n; i++) await one();
console.log(((performance.now() - t) / n).toFixed(2), 'ms/statement');
await driver.close();
