"""A random-weight vision tower of InternViT-300M's widths (hidden 1024, MLP 4096, 16 heads, 448-pixel tiles, 1025
positions) with the layout of ../shared/engine-golden/tiny-internvl (its 2 layers, projector and tiny text model),
for timing the engine's vision tower: python3 make_vit_checkpoint.py TINY_INTERNVL_DIR OUT_DIR (needs numpy)."""
import json, struct, numpy as np
import sys
src=sys.argv[1].rstrip("/")+"/"
out_dir=sys.argv[2].rstrip("/")+"/"
f=open(src+'model.safetensors','rb'); n=struct.unpack('<Q',f.read(8))[0]; h=json.loads(f.read(n)); base=8+n
data=open(src+'model.safetensors','rb').read()
rng=np.random.default_rng(0)
out={}
for k,v in h.items():
    if k=='__metadata__': continue
    shape=list(v['shape'])
    if k.startswith('vision_tower') or k.startswith('multi_modal'):
        m={64:1024,128:4096,256:4096,17:1025}
        if k.startswith('multi_modal') and k.endswith(('linear_1.weight',)): shape=[64,4096]
        elif k.startswith('multi_modal') and 'linear_2' in k or (k.startswith('multi_modal') and k.endswith('linear_1.bias')): pass
        else: shape=[m.get(d,d) for d in shape]
        if k.endswith('weight') and len(shape)==1 or 'lambda' in k: a=np.ones(shape,np.float32)+0.05*rng.standard_normal(shape).astype(np.float32)
        else: a=(0.02*rng.standard_normal(shape)).astype(np.float32)
    else:
        s,e=v['data_offsets']; a=np.frombuffer(data[base+s:base+e],dtype=np.float32).reshape(shape)
    out[k]=a
hdr={}; off=0; blobs=[]
for k,a in out.items():
    b=a.tobytes(); hdr[k]={'dtype':'F32','shape':list(a.shape),'data_offsets':[off,off+len(b)]}; off+=len(b); blobs.append(b)
hj=json.dumps(hdr).encode(); hj+=b' '*((8-len(hj)%8)%8)
with open(out_dir+'model.safetensors','wb') as g:
    g.write(struct.pack('<Q',len(hj))); g.write(hj)
    for b in blobs: g.write(b)
c=json.load(open(src+'config.json'))
vc=c['vision_config']; vc.update(hidden_size=1024, intermediate_size=4096, num_attention_heads=16, image_size=[448,448])
c['image_seq_length']=256
json.dump(c,open(out_dir+'config.json','w'),indent=1)
